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
 * @param pupilInvolved whether a pupil is depicted in or involved in what is reported; {@code UNKNOWN} when absent
 * @param published  whether the material was published (on any account); {@code UNKNOWN} when absent
 * @param takenBy    who took the picture or made the material, when known (11.d binds staff who took it)
 */
public record IncidentReport(String ref, IncidentKind kind, OffsetDateTime reportedAt, Account account,
                             Answer pupilInvolved, Answer published, PersonRole takenBy)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "incident";

    /** Validates. */
    public IncidentReport {
        ref = Require.optionalId(ref, "ref");
        Require.present(kind, "kind");
        Require.present(reportedAt, "reportedAt");
        pupilInvolved = Require.answer(pupilInvolved);
        published = Require.answer(published);
    }

    /** A report that says nothing of pupils, publication or who took the material. */
    public IncidentReport(String ref, IncidentKind kind, OffsetDateTime reportedAt, Account account) {
        this(ref, kind, reportedAt, account, Answer.UNKNOWN, Answer.UNKNOWN, null);
    }

    /** @return whether a member of staff (or someone not known) took the material: 11.d's "a member of staff inadvertently takes" */
    public boolean takenByStaff() {
        return takenBy == null || takenBy.boundAsStaff();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
