package org.smpolicy.model;

import java.util.List;

/**
 * A business case for a new Federation account (5), and its state. JSON type
 * {@code account-application}.
 *
 * @param ref                       an identifier for messages
 * @param aim                       the aim of the account (5.a.i)
 * @param audience                  the intended audience (5.a.ii)
 * @param promotion                 how it will be promoted (5.a.iii)
 * @param runners                   who will run it (5.a.iv: at least two)
 * @param visibility                open or closed (5.a.v)
 * @param sltDecision               the SLT's decision (5.b, 4.a.i.6)
 * @param created                   whether the account has already been created (4.a.ii.1)
 * @param credentialsStoredSecurely whether its credentials are stored securely (4.a.ii.2)
 */
public record AccountApplication(String ref, String aim, String audience, String promotion, List<Runner> runners,
                                 Visibility visibility, SltDecision sltDecision, boolean created,
                                 Answer credentialsStoredSecurely) implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "account-application";

    /** Validates. */
    public AccountApplication {
        ref = Require.optionalId(ref, "ref");
        aim = Require.text(aim, "aim", 10_000);
        audience = Require.text(audience, "audience", 10_000);
        promotion = Require.text(promotion, "promotion", 10_000);
        runners = Require.list(runners, "runners");
        visibility = Require.or(visibility, Visibility.NOT_STATED);
        sltDecision = Require.or(sltDecision, SltDecision.PENDING);
        credentialsStoredSecurely = Require.answer(credentialsStoredSecurely);
    }

    /**
     * @return the business-case points (5.a.i-iii) the application does not state: aim, audience, promotion
     */
    public List<String> missingBusinessCase() {
        List<String> missing = new java.util.ArrayList<>();
        if (!stated(aim)) {
            missing.add("aim");
        }
        if (!stated(audience)) {
            missing.add("audience");
        }
        if (!stated(promotion)) {
            missing.add("promotion");
        }
        return missing;
    }

    /**
     * The runners who count for 5.a.iv: distinct people (by reference) who may run a Federation
     * account ({@link Runner#mayRun()}: staff, volunteers, governors, parents). The same person named
     * twice, a pupil or a member of the public does not count. Whether each has read the policy and
     * been trained (5.b) is decided apart.
     *
     * @return how many distinct people who may run the account are named
     */
    public long eligibleRunners() {
        return runners.stream().filter(Runner::mayRun).map(Runner::ref).distinct().count();
    }

    /**
     * @param value a text field of the application
     * @return whether it says something
     */
    public static boolean stated(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * @return a builder of a {@code AccountApplication} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link AccountApplication} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String ref;
        private String aim;
        private String audience;
        private String promotion;
        private List<Runner> runners;
        private Visibility visibility;
        private SltDecision sltDecision;
        private boolean created;
        private Answer credentialsStoredSecurely;

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
         * @param aim the aim of the account (5.a.i)
         * @return this builder
         */
        public Builder aim(String aim) {
            this.aim = aim;
            return this;
        }

        /**
         * @param audience the intended audience (5.a.ii)
         * @return this builder
         */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /**
         * @param promotion how it will be promoted (5.a.iii)
         * @return this builder
         */
        public Builder promotion(String promotion) {
            this.promotion = promotion;
            return this;
        }

        /**
         * @param runners who will run it (5.a.iv: at least two)
         * @return this builder
         */
        public Builder runners(List<Runner> runners) {
            this.runners = runners;
            return this;
        }

        /**
         * @param runners who will run it (5.a.iv: at least two)
         * @return this builder
         */
        public Builder runners(Runner... runners) {
            this.runners = java.util.Arrays.asList(runners);
            return this;
        }

        /**
         * @param visibility open or closed (5.a.v)
         * @return this builder
         */
        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        /**
         * @param sltDecision the SLT's decision (5.b, 4.a.i.6)
         * @return this builder
         */
        public Builder sltDecision(SltDecision sltDecision) {
            this.sltDecision = sltDecision;
            return this;
        }

        /**
         * @param created whether the account has already been created (4.a.ii.1)
         * @return this builder
         */
        public Builder created(boolean created) {
            this.created = created;
            return this;
        }

        /**
         * @param credentialsStoredSecurely whether its credentials are stored securely (4.a.ii.2)
         * @return this builder
         */
        public Builder credentialsStoredSecurely(Answer credentialsStoredSecurely) {
            this.credentialsStoredSecurely = credentialsStoredSecurely;
            return this;
        }

        /**
         * @param credentialsStoredSecurely whether its credentials are stored securely (4.a.ii.2): known to be so, or known not to be
         * @return this builder
         */
        public Builder credentialsStoredSecurely(boolean credentialsStoredSecurely) {
            this.credentialsStoredSecurely = credentialsStoredSecurely ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @return the accountApplication
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public AccountApplication build() {
            return new AccountApplication(ref, aim, audience, promotion, runners, visibility, sltDecision, created, credentialsStoredSecurely);
        }
    }
}
