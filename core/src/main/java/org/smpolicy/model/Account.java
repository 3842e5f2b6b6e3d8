package org.smpolicy.model;

/**
 * A social media account a request concerns.
 *
 * @param id                an identifier the host chooses (no personal data needed)
 * @param type              Federation-owned or personal; required
 * @param channel           where it publishes, for consent scopes; {@link Channel#SOCIAL_MEDIA} when absent
 * @param sltApproved       for Federation accounts: whether the SLT approved the account (4.a.i.6)
 * @param namesFederation   for personal accounts: whether the profile names or associates with a school (3.a)
 * @param disclaimer        whether the account carries a disclaimer that it does not speak for the Federation
 * @param federationBranding whether the account shows the Federation's logo or branding (14.b)
 */
public record Account(String id, AccountType type, Channel channel, Answer sltApproved,
                      boolean namesFederation, boolean disclaimer, boolean federationBranding) {

    /** Validates; absent optional values take their defaults. */
    public Account {
        id = Require.id(id, "id");
        Require.present(type, "type");
        channel = Require.or(channel, Channel.SOCIAL_MEDIA);
        sltApproved = Require.answer(sltApproved);
    }

    /**
     * A Federation account on social media, SLT-approved.
     *
     * @param id the account id
     * @return the account
     */
    public static Account federation(String id) {
        return new Account(id, AccountType.FEDERATION, Channel.SOCIAL_MEDIA, Answer.YES, true, false, true);
    }

    /**
     * A personal account that does not name a school, has no disclaimer and no branding.
     *
     * @param id the account id
     * @return the account
     */
    public static Account personal(String id) {
        return new Account(id, AccountType.PERSONAL, Channel.SOCIAL_MEDIA, Answer.UNKNOWN, false, false, false);
    }

    /** @return whether the Federation owns the account */
    public boolean official() {
        return type == AccountType.FEDERATION;
    }

    /**
     * @return a builder of a {@code Account} by field name; a field left unset takes the value
     *         the JSON reader gives a missing field (unknown answers, empty lists, {@code false})
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Account} field by field; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private String id;
        private AccountType type;
        private Channel channel;
        private Answer sltApproved;
        private boolean namesFederation;
        private boolean disclaimer;
        private boolean federationBranding;

        private Builder() {
        }

        /**
         * @param id an identifier the host chooses (no personal data needed)
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param type Federation-owned or personal; required
         * @return this builder
         */
        public Builder type(AccountType type) {
            this.type = type;
            return this;
        }

        /**
         * @param channel where it publishes, for consent scopes; {@link Channel#SOCIAL_MEDIA} when absent
         * @return this builder
         */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /**
         * @param sltApproved for Federation accounts: whether the SLT approved the account (4.a.i.6)
         * @return this builder
         */
        public Builder sltApproved(Answer sltApproved) {
            this.sltApproved = sltApproved;
            return this;
        }

        /**
         * @param sltApproved for Federation accounts: whether the SLT approved the account (4.a.i.6): known to be so, or known not to be
         * @return this builder
         */
        public Builder sltApproved(boolean sltApproved) {
            this.sltApproved = sltApproved ? Answer.YES : Answer.NO;
            return this;
        }

        /**
         * @param namesFederation for personal accounts: whether the profile names or associates with a school (3.a)
         * @return this builder
         */
        public Builder namesFederation(boolean namesFederation) {
            this.namesFederation = namesFederation;
            return this;
        }

        /**
         * @param disclaimer whether the account carries a disclaimer that it does not speak for the Federation
         * @return this builder
         */
        public Builder disclaimer(boolean disclaimer) {
            this.disclaimer = disclaimer;
            return this;
        }

        /**
         * @param federationBranding whether the account shows the Federation's logo or branding (14.b)
         * @return this builder
         */
        public Builder federationBranding(boolean federationBranding) {
            this.federationBranding = federationBranding;
            return this;
        }

        /**
         * @return the account
         * @throws org.smpolicy.diagnostic.InvalidRequestException when a required field is missing or a value is impossible
         */
        public Account build() {
            return new Account(id, type, channel, sltApproved, namesFederation, disclaimer, federationBranding);
        }
    }
}
