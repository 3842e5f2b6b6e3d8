package org.smpolicy.catalogue;

/** How the library treats a clause of the policy. */
public enum Treatment {
    /** A rule decides it from facts and cites the clause. */
    RULE,
    /** A rule turns an event into a duty with an owner and a deadline. */
    OBLIGATION,
    /** A rule attaches a non-blocking finding. */
    ADVICE,
    /** Only a person can decide; the engine asks for the judgement as a fact and routes to review while it is missing. */
    JUDGEMENT,
    /** Defines who or what the policy covers. */
    SCOPE,
    /** About the policy itself or the organisation; nothing for a rule to decide. */
    GOVERNANCE;

    /**
     * @return whether clauses with this treatment must be cited by at least one rule; scope and
     *         governance clauses may be carried by a note instead
     */
    public boolean needsRule() {
        return this != GOVERNANCE && this != SCOPE;
    }

    /**
     * @param effect a rule's effect
     * @return whether a rule with that effect carries out this treatment
     */
    public boolean carriedOutBy(org.smpolicy.decision.RuleEffect effect) {
        return switch (this) {
            case RULE -> effect == org.smpolicy.decision.RuleEffect.DENY || effect == org.smpolicy.decision.RuleEffect.REVIEW;
            case OBLIGATION -> effect == org.smpolicy.decision.RuleEffect.OBLIGATION;
            case ADVICE -> effect == org.smpolicy.decision.RuleEffect.ADVICE;
            case JUDGEMENT -> effect == org.smpolicy.decision.RuleEffect.REVIEW;
            case SCOPE -> true;
            case GOVERNANCE -> false;
        };
    }
}
