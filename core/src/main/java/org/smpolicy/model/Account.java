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
}
