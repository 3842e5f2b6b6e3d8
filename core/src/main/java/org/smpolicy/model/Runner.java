package org.smpolicy.model;

/**
 * Someone named to run a proposed account (5.a.iv, 5.b).
 *
 * @param ref        an opaque reference; required
 * @param role       staff, volunteer, parent...; required
 * @param readPolicy whether they have read and understood this policy; {@code UNKNOWN} when absent
 * @param trained    whether they received appropriate training; {@code UNKNOWN} when absent
 */
public record Runner(String ref, PersonRole role, Answer readPolicy, Answer trained) {

    /** Validates; an absent answer is {@code UNKNOWN}. */
    public Runner {
        ref = Require.id(ref, "ref");
        Require.present(role, "role");
        readPolicy = Require.answer(readPolicy);
        trained = Require.answer(trained);
    }

    /**
     * 5.a.iv and 5.b: who may run a Federation account: staff, volunteers, governors, and parents
     * (the policy's own example is a "Friends of the school" page; 5.b names "volunteers or
     * parents"). Pupils, journalists, members of the public and the Federation's own accounts may not.
     *
     * @return whether someone in this role may be named as a runner
     */
    public boolean mayRun() {
        return role.boundAsStaff() || role == PersonRole.PARENT;
    }

    /**
     * @return a builder of a {@code Runner} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Runner} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String ref;
        private PersonRole role;
        private Answer readPolicy;
        private Answer trained;

        private Builder() {
        }

        /**
         * @param ref an opaque reference; required
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /**
         * @param role staff, volunteer, parent...; required
         * @return this builder
         */
        public Builder role(PersonRole role) {
            this.role = role;
            return this;
        }

        /**
         * @param readPolicy whether they have read and understood this policy; {@code UNKNOWN} when absent
         * @return this builder
         */
        public Builder readPolicy(Answer readPolicy) {
            this.readPolicy = readPolicy;
            return this;
        }

        /**
         * @param readPolicy whether they have read and understood this policy; {@code UNKNOWN} when absent: known to be so, or known not to be
         * @return this builder
         */
        public Builder readPolicy(boolean readPolicy) {
            this.readPolicy = readPolicy ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param trained whether they received appropriate training; {@code UNKNOWN} when absent
         * @return this builder
         */
        public Builder trained(Answer trained) {
            this.trained = trained;
            return this;
        }

        /**
         * @param trained whether they received appropriate training; {@code UNKNOWN} when absent: known to be so, or known not to be
         * @return this builder
         */
        public Builder trained(boolean trained) {
            this.trained = trained ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @return the runner
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public Runner build() {
            return new Runner(ref, role, readPolicy, trained);
        }
    }
}
