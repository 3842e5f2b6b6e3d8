package org.smpolicy.decision;

/**
 * What a single {@link Finding} does to the decision. {@link #DENY} and {@link #REVIEW}
 * decide the {@link Outcome}; {@link #ADVICE} and {@link #NOTE} never change it.
 */
public enum Effect {
    /** The request must not go ahead. */
    DENY,
    /** The request needs a named person's approval first. */
    REVIEW,
    /** Non-blocking guidance (tone, privacy hygiene). */
    ADVICE,
    /** Information, such as "out of the policy's scope". */
    NOTE;

    /**
     * @return the outcome this effect forces, or {@link Outcome#ALLOW} for advice and notes
     */
    public Outcome outcome() {
        return switch (this) {
            case DENY -> Outcome.DENY;
            case REVIEW -> Outcome.REVIEW;
            case ADVICE, NOTE -> Outcome.ALLOW;
        };
    }
}
