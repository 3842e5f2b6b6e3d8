package org.smpolicy.server;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may do what: CORS for the decision endpoints, the reload token, and same-origin for state
 * changes (CSRF and DNS rebinding).
 */
final class Guards {

    private final String token;
    private final boolean loopback;
    private volatile Set<String> corsOrigins = Set.of();

    /**
     * @param token    the reload token, or null when reload is switched off
     * @param loopback whether the service listens on a loopback address
     */
    Guards(String token, boolean loopback) {
        this.token = token;
        this.loopback = loopback;
    }

    void corsOrigins(Set<String> origins) {
        this.corsOrigins = Set.copyOf(origins);
    }

    /** Answers an allowed browser origin with the CORS headers; every answer varies by Origin. */
    void cors(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && corsOrigins.contains(origin.strip())) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin.strip());
            ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
            ex.getResponseHeaders().set("Access-Control-Max-Age", "600");
        }
        ex.getResponseHeaders().add("Vary", "Origin");
    }

    /** @return whether a reload token is configured at all */
    boolean reloadSwitchedOn() {
        return token != null && !token.isBlank();
    }

    /** Whether the request carries the reload token (compared in constant time). */
    boolean tokenGiven(HttpExchange ex) {
        String auth = Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Authorization"), "");
        return reloadSwitchedOn()
                && MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * CSRF and DNS rebinding: a browser page elsewhere sends its own Origin, and a rebound name
     * arrives in Host. Only this service's own address (or localhost for loopback) is accepted.
     */
    boolean sameOrigin(HttpExchange ex, String boundHost, int port) {
        String host = ex.getRequestHeaders().getFirst("Host");
        Set<String> ours = new HashSet<>();
        ours.add(boundHost + ":" + port);
        if (boundHost.contains(":")) {
            ours.add("[" + boundHost + "]:" + port);
        }
        if (loopback) {
            ours.add("localhost:" + port);
            ours.add("127.0.0.1:" + port);
            ours.add("[::1]:" + port);
        }
        if (host == null || !ours.contains(host.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        return origin == null || ours.stream().anyMatch(h -> origin.strip().equalsIgnoreCase("http://" + h));
    }
}
