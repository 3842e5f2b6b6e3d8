package org.smpolicy.model;

/**
 * May this member of staff follow, like, comment on or message this person from this account?
 * JSON type {@code engagement}.
 *
 * @param account    the account the staff member would act from; required
 * @param action     what they want to do; required
 * @param target     the person concerned; required
 * @param targetPost the post concerned, for likes, comments and shares
 */
public record EngagementRequest(Account account, EngagementAction action, Person target, TargetPost targetPost)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "engagement";

    /** Validates. */
    public EngagementRequest {
        Require.present(account, "account");
        Require.present(action, "action");
        Require.present(target, "target");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
