package org.smpolicy.model;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names, normalised once for links and for a school's link lists, so that a list matches a
 * host however the address is written. Parsing is by {@link URI} and {@link IDN}; what they do
 * not accept has no host (allowlist: only a well-formed DNS name or IP address is a host).
 */
public final class Hosts {

    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+\\]");

    private Hosts() {
    }

    /**
     * @param url an address as a person wrote it
     * @return its normalised host, or empty when it has none or cannot be parsed
     */
    public static Optional<String> of(String url) {
        String u = url.strip();
        if (u.indexOf('\\') >= 0 || u.chars().anyMatch(c -> c < 0x21)) {
            return Optional.empty(); // browsers read a backslash as a slash: do not guess
        }
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash) && u.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
                && !u.substring(colon + 1).matches("\\d+([/?#].*)?"); // "example.com:8080/x" is a port, not a scheme
        if (!hasScheme) {
            u = (u.startsWith("//") ? "https:" : "https://") + u;
        }
        String authority;
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            authority = uri.getRawAuthority();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        if (authority == null) {
            return Optional.empty();
        }
        return name(authority.substring(authority.lastIndexOf('@') + 1));
    }

    /**
     * A host as a school's list names it ({@code TikTok.com.}, {@code *.example.org}, {@code bücher.de}).
     *
     * @param entry the list entry
     * @return the normalised host, or empty when it is not one
     */
    public static Optional<String> ofListEntry(String entry) {
        String e = entry.strip();
        if (e.startsWith("*.")) {
            e = e.substring(2);
        }
        return e.contains("/") || e.contains(":") ? of(e) : name(e);
    }

    private static Optional<String> name(String hostAndPort) {
        String h = hostAndPort;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            h = h.substring(0, end + 1).toLowerCase(Locale.ROOT);
            return IPV6.matcher(h).matches() ? Optional.of(h) : Optional.empty();
        }
        int port = h.lastIndexOf(':');
        if (port >= 0) {
            if (!h.substring(port + 1).matches("\\d{0,5}")) {
                return Optional.empty();
            }
            h = h.substring(0, port);
        }
        try {
            h = URLDecoder.decode(h.replace("+", "%2B"), StandardCharsets.UTF_8);
            while (h.endsWith(".")) {
                h = h.substring(0, h.length() - 1);
            }
            h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return !h.isEmpty() && h.length() <= 253 && DNS_NAME.matcher(h).matches() ? Optional.of(h) : Optional.empty();
    }
}
