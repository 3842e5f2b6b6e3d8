package org.smpolicy.decision;

/**
 * The overall answer of a {@link Decision}, combined deny-overrides: {@code DENY} beats
 * {@code REVIEW}, which beats {@code ALLOW}.
 */
public enum Outcome {
    /** Nothing in the policy stands in the way. */
    ALLOW,
    /** A named person (usually a senior leader) must look at it first. */
    REVIEW,
    /** The policy forbids it. */
    DENY;

    /**
     * Combines two outcomes, deny-overrides.
     *
     * @param other the other outcome
     * @return the stricter of the two
     */
    public Outcome and(Outcome other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
