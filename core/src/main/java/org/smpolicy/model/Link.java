package org.smpolicy.model;

import java.net.URI;
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

    /** @return the lower-case host name of the URL, if it has one */
    public Optional<String> host() {
        try {
            String h = URI.create(url.strip()).getHost();
            return Optional.ofNullable(h).map(s -> s.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
