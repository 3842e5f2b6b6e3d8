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
 * @param responseWorkingDays the response window in working days instead of {@code responseWindow}
 *                       (the end of the N-th working day after arrival), or 0 for the window in hours
 */
public record Parameters(Duration responseWindow, Set<String> linkAllowList, Set<String> linkDenyList, int responseWorkingDays) {

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
        if (responseWorkingDays < 0 || responseWorkingDays > 10) {
            throw new IllegalArgumentException("a response window of `" + responseWorkingDays + "` working days must be 0 (hours) to 10");
        }
    }

    /**
     * Parameters with a response window in hours.
     *
     * @param responseWindow the window
     * @param linkAllowList  hosts whose links are known to be appropriate and safe
     * @param linkDenyList   hosts never to be linked
     */
    public Parameters(Duration responseWindow, Set<String> linkAllowList, Set<String> linkDenyList) {
        this(responseWindow, linkAllowList, linkDenyList, 0);
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
