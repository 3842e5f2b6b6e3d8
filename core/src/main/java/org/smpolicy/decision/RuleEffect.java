package org.smpolicy.decision;

import java.util.Optional;

/**
 * What a rule does, as its {@code @outcome} metadata states it once: add a finding of an
 * {@link Effect}, or an {@link Obligation}. The one list of rule effects; the result helpers, the
 * validation of rule bases and overlays, relaxations and the clause treatments all read it.
 */
public enum RuleEffect {
    /** A DENY finding. */
    DENY,
    /** A REVIEW finding. */
    REVIEW,
    /** An ADVICE finding, which never changes the outcome. */
    ADVICE,
    /** A NOTE finding, which never changes the outcome. */
    NOTE,
    /** An obligation with an owner and a deadline. */
    OBLIGATION;

    /**
     * @param metadata the text of an {@code @outcome} annotation, quotes stripped
     * @return the effect it names, or empty when it names none
     */
    public static Optional<RuleEffect> parse(String metadata) {
        for (RuleEffect e : values()) {
            if (e.name().equals(metadata)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** @return the finding's effect, or empty for {@link #OBLIGATION} */
    public Optional<Effect> finding() {
        return switch (this) {
            case DENY -> Optional.of(Effect.DENY);
            case REVIEW -> Optional.of(Effect.REVIEW);
            case ADVICE -> Optional.of(Effect.ADVICE);
            case NOTE -> Optional.of(Effect.NOTE);
            case OBLIGATION -> Optional.empty();
        };
    }

    /** @return whether switching such a rule off makes the policy less strict (a relaxation to declare) */
    public boolean strict() {
        return this == DENY || this == REVIEW || this == OBLIGATION;
    }
}
