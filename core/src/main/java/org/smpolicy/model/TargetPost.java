package org.smpolicy.model;

/**
 * Someone else's post a member of staff wants to like, comment on or share (12.a.iv).
 *
 * @param ref            an identifier for messages
 * @param breachesPolicy whether the post itself breaches the policy, e.g. a photo published without permission
 * @param breach         what the breach is, in words, when known
 * @param showsStudents  whether the post shows pupils (11.b: sharing it from a personal account shares their pictures)
 */
public record TargetPost(String ref, Answer breachesPolicy, String breach, Answer showsStudents) {

    /** Validates. */
    public TargetPost {
        ref = Require.optionalId(ref, "ref");
        breachesPolicy = Require.answer(breachesPolicy);
        breach = Require.text(breach, "breach", 2_000);
        showsStudents = Require.answer(showsStudents);
    }

    /** A post whose content is not described. */
    public TargetPost(String ref, Answer breachesPolicy, String breach) {
        this(ref, breachesPolicy, breach, Answer.UNKNOWN);
    }
}
