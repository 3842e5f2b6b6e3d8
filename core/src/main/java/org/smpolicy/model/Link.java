package org.smpolicy.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A link to an external site (7.j, 15.b.iv).
 *
 * @param url         the address; required
 * @param appropriate a person's judgement that the target is appropriate for any audience
 * @param safe        a person's or a scanner's judgement that the target is safe
 */
public record Link(String url, Answer appropriate, Answer safe) {

    /** Validates. */
    public Link {
        url = Require.id(url, "url");
        Require.text(url, "url", 2_000);
        appropriate = Require.answer(appropriate);
        safe = Require.answer(safe);
    }

    /**
     * The host the link points to, however the address is written: with or without a scheme
     * ({@code www.example.com/x}, {@code //example.com}), in any case, with a trailing dot, user
     * information or a port, percent-encoded, or as an international domain name (returned in its
     * ASCII form, {@code xn--...}). Only {@code http} and {@code https} addresses have a host here:
     * anything else, and anything that cannot be parsed, has none, and a link without a host is
     * never taken to be safe.
     *
     * @return the normalised host name, if the address has one
     */
    public Optional<String> host() {
        return Hosts.of(url);
    }
}
