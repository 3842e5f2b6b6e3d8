package org.smpolicy.recheck;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.PublishRequest;

/**
 * One item of a published register: a post as it was checked, and when it went out. JSON, one
 * per line: {@code {"id": "post-77", "publishedAt": "2026-10-01T10:00:00Z", "outcome": "ALLOW", "request": {"type": "publish", ...}}};
 * a decision-log line written with its request ({@code time}, {@code outcome}, {@code request}) is one too.
 *
 * @param id          the host's identifier for the item (the log's decision id, or the line)
 * @param publishedAt when it was published
 * @param request     the publish request it was checked as, with its account
 * @param recorded    the outcome the host recorded when it was checked (a decision log's
 *                    {@code outcome}), if the register carries one. A recorded {@code ALLOW} is
 *                    taken as the decision then, so the item is not decided again as at
 *                    {@code publishedAt}; that can only report more, never less, since no decision
 *                    is more permissive than ALLOW. Any other recorded outcome is checked by
 *                    deciding again, so a register cannot hide a post by recording it stricter.
 */
public record Published(String id, Instant publishedAt, PublishRequest request, Optional<Outcome> recorded) {

    /** Validates. */
    public Published {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(recorded, "recorded");
    }

    /**
     * An item with no recorded outcome: it is decided again as at {@code publishedAt}.
     *
     * @param id          the host's identifier for the item
     * @param publishedAt when it was published
     * @param request     the publish request it was checked as
     */
    public Published(String id, Instant publishedAt, PublishRequest request) {
        this(id, publishedAt, request, Optional.empty());
    }
}
