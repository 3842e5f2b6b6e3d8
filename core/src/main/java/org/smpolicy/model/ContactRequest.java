package org.smpolicy.model;

/**
 * May this member of staff contact a member of the Federation community this way (7.h, 7.i)?
 * JSON type {@code contact}.
 *
 * @param channel            how they would make contact; required
 * @param recipientRole      who they would contact; required
 * @param federationBusiness whether it is about Federation business; contact with a student always is
 * @param recipientAgeStatus whether the recipient is under 18 ({@code UNKNOWN} when absent), for former pupils
 * @param actor              who would make contact; unknown when absent
 */
public record ContactRequest(ContactChannel channel, PersonRole recipientRole, Answer federationBusiness,
                             StudentAgeStatus recipientAgeStatus, Actor actor)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "contact";

    /** Validates. */
    public ContactRequest {
        Require.present(channel, "channel");
        Require.present(recipientRole, "recipientRole");
        federationBusiness = Require.answer(federationBusiness);
        recipientAgeStatus = Require.or(recipientAgeStatus, StudentAgeStatus.UNKNOWN);
        actor = Require.or(actor, Actor.unknown());
    }

    /** A contact with a recipient of unknown age, by someone not described. */
    public ContactRequest(ContactChannel channel, PersonRole recipientRole, Answer federationBusiness) {
        this(channel, recipientRole, federationBusiness, StudentAgeStatus.UNKNOWN, Actor.unknown());
    }

    /** @return whether the recipient is a pupil: a current pupil, or a former pupil not known to be an adult (12.b.i) */
    public boolean toPupil() {
        return recipientRole.pupil(recipientAgeStatus);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * @return a builder of a {@code ContactRequest} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ContactRequest} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private ContactChannel channel;
        private PersonRole recipientRole;
        private Answer federationBusiness;
        private StudentAgeStatus recipientAgeStatus;
        private Actor actor;

        private Builder() {
        }

        /**
         * @param channel how they would make contact; required
         * @return this builder
         */
        public Builder channel(ContactChannel channel) {
            this.channel = channel;
            return this;
        }

        /**
         * @param recipientRole who they would contact; required
         * @return this builder
         */
        public Builder recipientRole(PersonRole recipientRole) {
            this.recipientRole = recipientRole;
            return this;
        }

        /**
         * @param federationBusiness whether it is about Federation business; contact with a student always is
         * @return this builder
         */
        public Builder federationBusiness(Answer federationBusiness) {
            this.federationBusiness = federationBusiness;
            return this;
        }

        /**
         * @param federationBusiness whether it is about Federation business; contact with a student always is: known to be so, or known not to be
         * @return this builder
         */
        public Builder federationBusiness(boolean federationBusiness) {
            this.federationBusiness = federationBusiness ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param recipientAgeStatus whether the recipient is under 18 ({@code UNKNOWN} when absent), for former pupils
         * @return this builder
         */
        public Builder recipientAgeStatus(StudentAgeStatus recipientAgeStatus) {
            this.recipientAgeStatus = recipientAgeStatus;
            return this;
        }

        /**
         * @param actor who would make contact; unknown when absent
         * @return this builder
         */
        public Builder actor(Actor actor) {
            this.actor = actor;
            return this;
        }

        /**
         * @return the contactRequest
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public ContactRequest build() {
            return new ContactRequest(channel, recipientRole, federationBusiness, recipientAgeStatus, actor);
        }
    }
}
