package org.smpolicy.drl;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values of the baseline policy a school may change in its profile.
 *
 * @param responseWindow how long after receipt a comment, query or complaint must be answered (6); 24 hours
 * @param linkAllowList  host names whose links are known to be appropriate and safe (7.j)
 * @param linkDenyList   host names that must never be linked from a Federation account (7.j)
 */
public record Parameters(Duration responseWindow, Set<String> linkAllowList, Set<String> linkDenyList) {

    /** The baseline's parameters: a 24-hour window and no link lists. */
    public static final Parameters BASELINE = new Parameters(Duration.ofHours(24), Set.of(), Set.of());

    /** Validates and normalises host names as links' hosts are ({@link org.smpolicy.model.Hosts}). */
    public Parameters {
        Objects.requireNonNull(responseWindow, "responseWindow");
        if (responseWindow.isNegative() || responseWindow.isZero()) {
            throw new IllegalArgumentException("response window `" + responseWindow + "` must be positive");
        }
        linkAllowList = normalise(linkAllowList);
        linkDenyList = normalise(linkDenyList);
    }

    private static Set<String> normalise(Set<String> hosts) {
        return Objects.requireNonNull(hosts, "hosts").stream()
                .map(h -> org.smpolicy.model.Hosts.ofListEntry(h).orElse(h.strip().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param host a host name, lower case
     * @return whether the host or a parent domain is on the allow list
     */
    public boolean allowsHost(String host) {
        return matches(linkAllowList, host);
    }

    /**
     * @param host a host name, lower case
     * @return whether the host or a parent domain is on the deny list
     */
    public boolean deniesHost(String host) {
        return matches(linkDenyList, host);
    }

    private static boolean matches(Set<String> list, String host) {
        if (host == null) {
            return false;
        }
        for (String h = host; ; ) {
            if (list.contains(h)) {
                return true;
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                return false;
            }
            h = h.substring(dot + 1);
        }
    }
}
