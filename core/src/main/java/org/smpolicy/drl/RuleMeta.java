package org.smpolicy.drl;

import java.util.List;
import java.util.Objects;
import org.kie.api.definition.rule.Rule;
import org.smpolicy.decision.ClauseIds;
import org.smpolicy.decision.Effect;
import org.smpolicy.decision.RuleEffect;

/**
 * A rule's {@code @clause} and {@code @outcome}, read the one way everything of ours reads them:
 * the engine when it describes and validates a rule base, and {@link Results} when a rule fires.
 *
 * @param clauses the clause ids, in order; empty when the rule cites none
 * @param outcome the {@code @outcome} text, unquoted; empty when missing
 * @param effect  the effect {@code @outcome} names, or {@code null} when it names none we know
 */
public record RuleMeta(List<String> clauses, String outcome, RuleEffect effect) {

    /**
     * The key the engine keeps a rule's parsed metadata under, in the rule itself, once its rule
     * base is built: not a name a DRL annotation can have.
     */
    public static final String KEY = "smpolicy:parsed";

    /** Copies. */
    public RuleMeta {
        clauses = List.copyOf(clauses);
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * @param clauses the clause ids
     * @param outcome the {@code @outcome} text, unquoted
     */
    public RuleMeta(List<String> clauses, String outcome) {
        this(clauses, outcome, RuleEffect.parse(outcome).orElse(null));
    }

    /**
     * Reads the metadata as written, without judging it (the rule base's validation does).
     *
     * @param rule a compiled rule
     * @return its metadata
     */
    public static RuleMeta read(Rule rule) {
        Object clause = rule.getMetaData().get("clause");
        Object o = rule.getMetaData().get("outcome");
        return new RuleMeta(ClauseIds.parse(clause == null ? null : clause.toString()),
                o == null ? "" : ClauseIds.unquote(o.toString().strip()));
    }

    /**
     * The metadata of a firing rule: as the engine kept it, or read now.
     *
     * @param rule the rule
     * @return its metadata
     * @throws IllegalStateException when the rule cites no clause or names no known outcome
     */
    static RuleMeta firing(Rule rule) {
        RuleMeta meta = rule.getMetaData().get(KEY) instanceof RuleMeta m ? m : read(rule);
        if (meta.clauses().isEmpty()) {
            throw new IllegalStateException("rule `" + rule.getName() + "` has no @clause metadata");
        }
        if (meta.effect() == null) {
            throw new IllegalStateException("rule `" + rule.getName() + "` has @outcome `" + meta.outcome()
                    + "`; expected one of " + List.of(RuleEffect.values()));
        }
        return meta;
    }

    /** @return the finding effect, or null for an obligation */
    Effect finding() {
        return effect.finding().orElse(null);
    }
}
