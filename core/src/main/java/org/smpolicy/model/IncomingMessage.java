package org.smpolicy.model;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A comment, query, complaint or message that arrived on an account: what is owed, by whom and
 * by when? JSON type {@code incoming-message}.
 *
 * @param ref        an identifier for messages
 * @param account    the account it arrived on; required
 * @param kind       what it is; required
 * @param senderRole who sent it; required
 * @param receivedAt when it arrived, with its offset; required
 * @param concerns   what a person judged to be wrong with it
 * @param senderAgeStatus whether the sender is under 18 ({@code UNKNOWN} when absent), for former pupils
 * @param reportsConductOfOthers whether the sender reports someone else's conduct ("I am being bullied"), so that
 *                   the concerns describe what others did, not the message itself; {@code false} when absent
 */
public record IncomingMessage(String ref, Account account, MessageKind kind, PersonRole senderRole,
                              OffsetDateTime receivedAt, Set<Concern> concerns,
                              StudentAgeStatus senderAgeStatus, boolean reportsConductOfOthers) implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "incoming-message";

    /** Validates. */
    public IncomingMessage {
        ref = Require.optionalId(ref, "ref");
        Require.present(account, "account");
        Require.present(kind, "kind");
        Require.present(senderRole, "senderRole");
        Require.present(receivedAt, "receivedAt");
        concerns = Require.enums(concerns, Concern.class, "concerns");
        senderAgeStatus = Require.or(senderAgeStatus, StudentAgeStatus.UNKNOWN);
    }

    /** A message that is itself what its concerns describe. */
    public IncomingMessage(String ref, Account account, MessageKind kind, PersonRole senderRole,
                           OffsetDateTime receivedAt, Set<Concern> concerns, StudentAgeStatus senderAgeStatus) {
        this(ref, account, kind, senderRole, receivedAt, concerns, senderAgeStatus, false);
    }

    /** A message whose sender's age is not known. */
    public IncomingMessage(String ref, Account account, MessageKind kind, PersonRole senderRole,
                           OffsetDateTime receivedAt, Set<Concern> concerns) {
        this(ref, account, kind, senderRole, receivedAt, concerns, StudentAgeStatus.UNKNOWN);
    }

    /**
     * @return whether the sender is a pupil: a current pupil, or a former pupil not known to be an adult (12.b.iii)
     */
    public boolean fromPupil() {
        return senderRole.pupil(senderAgeStatus);
    }

    /**
     * @param concern a concern
     * @return whether the message raises it
     */
    public boolean has(Concern concern) {
        return concerns.contains(concern);
    }

    /** @return whether any concern makes the message offensive or inappropriate ({@link Concern#inappropriate()}) */
    public boolean inappropriate() {
        return concerns.stream().anyMatch(Concern::inappropriate);
    }

    /** @return whether any concern is unacceptable conduct ({@link Concern#unacceptable()}) */
    public boolean unacceptable() {
        return concerns.stream().anyMatch(Concern::unacceptable);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * @return a builder of a {@code IncomingMessage} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link IncomingMessage} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String ref;
        private Account account;
        private MessageKind kind;
        private PersonRole senderRole;
        private OffsetDateTime receivedAt;
        private Set<Concern> concerns;
        private StudentAgeStatus senderAgeStatus;
        private boolean reportsConductOfOthers;

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
         * @param account the account it arrived on; required
         * @return this builder
         */
        public Builder account(Account account) {
            this.account = account;
            return this;
        }

        /**
         * @param kind what it is; required
         * @return this builder
         */
        public Builder kind(MessageKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * @param senderRole who sent it; required
         * @return this builder
         */
        public Builder senderRole(PersonRole senderRole) {
            this.senderRole = senderRole;
            return this;
        }

        /**
         * @param receivedAt when it arrived, with its offset; required
         * @return this builder
         */
        public Builder receivedAt(OffsetDateTime receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        /**
         * @param concerns what a person judged to be wrong with it
         * @return this builder
         */
        public Builder concerns(Set<Concern> concerns) {
            this.concerns = concerns;
            return this;
        }

        /**
         * @param concerns what a person judged to be wrong with it
         * @return this builder
         */
        public Builder concerns(Concern... concerns) {
            this.concerns = new java.util.LinkedHashSet<>(java.util.Arrays.asList(concerns));
            return this;
        }

        /**
         * @param senderAgeStatus whether the sender is under 18 ({@code UNKNOWN} when absent), for former pupils
         * @return this builder
         */
        public Builder senderAgeStatus(StudentAgeStatus senderAgeStatus) {
            this.senderAgeStatus = senderAgeStatus;
            return this;
        }

        /**
         * @param reportsConductOfOthers whether the sender reports someone else's conduct ("I am being bullied"), so that the concerns describe what others did, not the message itself; {@code false} when absent
         * @return this builder
         */
        public Builder reportsConductOfOthers(boolean reportsConductOfOthers) {
            this.reportsConductOfOthers = reportsConductOfOthers;
            return this;
        }

        /**
         * @return the incomingMessage
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public IncomingMessage build() {
            return new IncomingMessage(ref, account, kind, senderRole, receivedAt, concerns, senderAgeStatus, reportsConductOfOthers);
        }
    }
}
