package org.smpolicy.model;

/**
 * May this member of staff follow, like, comment on or message this person from this account?
 * JSON type {@code engagement}.
 *
 * @param account    the account the staff member would act from; required
 * @param action     what they want to do; required
 * @param target     the person concerned; required
 * @param targetPost the post concerned, for likes, comments and shares
 * @param federationBusiness whether a message is about Federation business (7.i); {@code UNKNOWN} when absent
 * @param actor      who would act; unknown when absent
 */
public record EngagementRequest(Account account, EngagementAction action, Person target, TargetPost targetPost,
                                Answer federationBusiness, Actor actor)
        implements PolicyRequest {

    /** JSON type name. */
    public static final String TYPE = "engagement";

    /** Validates. */
    public EngagementRequest {
        Require.present(account, "account");
        Require.present(action, "action");
        Require.present(target, "target");
        federationBusiness = Require.answer(federationBusiness);
        actor = Require.or(actor, Actor.unknown());
    }

    /** An engagement by someone not described, about business not stated. */
    public EngagementRequest(Account account, EngagementAction action, Person target, TargetPost targetPost) {
        this(account, action, target, targetPost, Answer.UNKNOWN, Actor.unknown());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
