package org.smpolicy.model;

/**
 * Who is acting: the person who would post, engage or make contact. Every part is optional and
 * counts as unknown when absent, and unknown never counts as the harmless answer.
 *
 * @param role        who they are to the Federation (staff, volunteer, governor, parent, pupil, ...)
 * @param readPolicy  whether they have read and understood this policy (5.b)
 * @param trained     whether they received appropriate training (5.b)
 * @param namedRunner whether they are a named runner of the account they act from (4.a.iii.1-3, 5.b)
 * @param ref         the host's opaque reference for them (never a name), so that a later change (their
 *                    training lapsed, they left) finds what they published; optional
 */
public record Actor(PersonRole role, Answer readPolicy, Answer trained, Answer namedRunner, String ref) {

    /** Normalises absent answers to {@code UNKNOWN}. */
    public Actor {
        readPolicy = Require.answer(readPolicy);
        trained = Require.answer(trained);
        namedRunner = Require.answer(namedRunner);
        ref = Require.optionalId(ref, "ref");
    }

    /** An actor the host gives no reference for. */
    public Actor(PersonRole role, Answer readPolicy, Answer trained, Answer namedRunner) {
        this(role, readPolicy, trained, namedRunner, null);
    }

    /** @return an actor about whom nothing is known */
    public static Actor unknown() {
        return new Actor(null, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN);
    }

    /** @return a member of staff who is a named, trained runner of the account and has read the policy */
    public static Actor trainedStaffRunner() {
        return new Actor(PersonRole.STAFF, Answer.YES, Answer.YES, Answer.YES);
    }

    /**
     * The clauses written for staff (3.a, 7.h, 7.i, 12.b.i, ...) bind staff, volunteers and
     * governors, and anyone whose role is not known.
     *
     * @return whether the staff clauses bind this actor
     */
    public boolean boundAsStaff() {
        return role == null || role.boundAsStaff();
    }

    /** @return whether any of the runner requirements (read, trained, named runner) is known to be unmet */
    public boolean runnerRequirementRefused() {
        return readPolicy == Answer.NO || trained == Answer.NO || namedRunner == Answer.NO;
    }

    /** @return whether every runner requirement is known to be met */
    public boolean runnerRequirementsMet() {
        return readPolicy == Answer.YES && trained == Answer.YES && namedRunner == Answer.YES;
    }

    /**
     * @return a builder of a {@code Actor} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Actor} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private PersonRole role;
        private Answer readPolicy;
        private Answer trained;
        private Answer namedRunner;
        private String ref;

        private Builder() {
        }

        /**
         * @param role who they are to the Federation (staff, volunteer, governor, parent, pupil, ...)
         * @return this builder
         */
        public Builder role(PersonRole role) {
            this.role = role;
            return this;
        }

        /**
         * @param readPolicy whether they have read and understood this policy (5.b)
         * @return this builder
         */
        public Builder readPolicy(Answer readPolicy) {
            this.readPolicy = readPolicy;
            return this;
        }

        /**
         * @param readPolicy whether they have read and understood this policy (5.b): known to be so, or known not to be
         * @return this builder
         */
        public Builder readPolicy(boolean readPolicy) {
            this.readPolicy = readPolicy ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param trained whether they received appropriate training (5.b)
         * @return this builder
         */
        public Builder trained(Answer trained) {
            this.trained = trained;
            return this;
        }

        /**
         * @param trained whether they received appropriate training (5.b): known to be so, or known not to be
         * @return this builder
         */
        public Builder trained(boolean trained) {
            this.trained = trained ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param namedRunner whether they are a named runner of the account they act from (4.a.iii.1-3, 5.b)
         * @return this builder
         */
        public Builder namedRunner(Answer namedRunner) {
            this.namedRunner = namedRunner;
            return this;
        }

        /**
         * @param namedRunner whether they are a named runner of the account they act from (4.a.iii.1-3, 5.b): known to be so, or known not to be
         * @return this builder
         */
        public Builder namedRunner(boolean namedRunner) {
            this.namedRunner = namedRunner ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param ref the host's opaque reference for them (never a name), so that a later change (their training lapsed, they left) finds what they published; optional
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /**
         * @return the actor
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public Actor build() {
            return new Actor(role, readPolicy, trained, namedRunner, ref);
        }
    }
}
