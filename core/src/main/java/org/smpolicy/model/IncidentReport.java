package org.smpolicy.model;

import java.time.OffsetDateTime;

/**
 * Something a member of staff reports: a mistake, a compromising picture, abuse, misconduct.
 * JSON type {@code incident}.
 *
 * @param ref        an identifier for messages
 * @param kind       what is reported; required
 * @param reportedAt when it was reported, with its offset; required
 * @param account    the account concerned, if any
 */
public record IncidentReport(String ref, IncidentKind kind, OffsetDateTime reportedAt, Account account)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "incident";

    /** Validates. */
    public IncidentReport {
        ref = Require.optionalId(ref, "ref");
        Require.present(kind, "kind");
        Require.present(reportedAt, "reportedAt");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
