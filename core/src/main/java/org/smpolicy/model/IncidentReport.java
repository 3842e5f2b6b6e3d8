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

    /**
     * @return a builder of a {@code IncidentReport} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link IncidentReport} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String ref;
        private IncidentKind kind;
        private OffsetDateTime reportedAt;
        private Account account;
        private Answer pupilInvolved;
        private Answer published;
        private PersonRole takenBy;

        private Builder() {
        }

        /**
         * @param ref an identifier for messages
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /**
         * @param kind what is reported; required
         * @return this builder
         */
        public Builder kind(IncidentKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * @param reportedAt when it was reported, with its offset; required
         * @return this builder
         */
        public Builder reportedAt(OffsetDateTime reportedAt) {
            this.reportedAt = reportedAt;
            return this;
        }

        /**
         * @param account the account concerned, if any
         * @return this builder
         */
        public Builder account(Account account) {
            this.account = account;
            return this;
        }

        /**
         * @param pupilInvolved whether a pupil is depicted in or involved in what is reported; {@code UNKNOWN} when absent
         * @return this builder
         */
        public Builder pupilInvolved(Answer pupilInvolved) {
            this.pupilInvolved = pupilInvolved;
            return this;
        }

        /**
         * @param pupilInvolved whether a pupil is depicted in or involved in what is reported; {@code UNKNOWN} when absent: known to be so, or known not to be
         * @return this builder
         */
        public Builder pupilInvolved(boolean pupilInvolved) {
            this.pupilInvolved = pupilInvolved ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param published whether the material was published (on any account); {@code UNKNOWN} when absent
         * @return this builder
         */
        public Builder published(Answer published) {
            this.published = published;
            return this;
        }

        /**
         * @param published whether the material was published (on any account); {@code UNKNOWN} when absent: known to be so, or known not to be
         * @return this builder
         */
        public Builder published(boolean published) {
            this.published = published ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param takenBy who took the picture or made the material, when known (11.d binds staff who took it)
         * @return this builder
         */
        public Builder takenBy(PersonRole takenBy) {
            this.takenBy = takenBy;
            return this;
        }

        /**
         * @return the incidentReport
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public IncidentReport build() {
            return new IncidentReport(ref, kind, reportedAt, account, pupilInvolved, published, takenBy);
        }
    }
}
