package org.smpolicy.recheck;

import java.time.Instant;
import java.util.Objects;
import org.smpolicy.model.PublishRequest;

/**
 * One item of a published register: a post as it was checked, and when it went out. JSON, one
 * per line: {@code {"id": "post-77", "publishedAt": "2026-10-01T10:00:00Z", "request": {"type": "publish", ...}}};
 * a decision-log line written with its request ({@code time}, {@code request}) is one too.
 *
 * @param id          the host's identifier for the item (the log's decision id, or the line)
 * @param publishedAt when it was published
 * @param request     the publish request it was checked as, with its account
 */
public record Published(String id, Instant publishedAt, PublishRequest request) {

    /** Validates. */
    public Published {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(request, "request");
    }
}
