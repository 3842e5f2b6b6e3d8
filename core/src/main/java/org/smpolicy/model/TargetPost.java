package org.smpolicy.model;

/**
 * Someone else's post a member of staff wants to like, comment on or share (12.a.iv).
 *
 * @param ref            an identifier for messages
 * @param breachesPolicy whether the post itself breaches the policy, e.g. a photo published without permission
 * @param breach         what the breach is, in words, when known
 */
public record TargetPost(String ref, Answer breachesPolicy, String breach) {

    /** Validates. */
    public TargetPost {
        ref = Require.optionalId(ref, "ref");
        breachesPolicy = Require.answer(breachesPolicy);
        breach = Require.text(breach, "breach", 2_000);
    }
}
