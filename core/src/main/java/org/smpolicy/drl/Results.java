package org.smpolicy.drl;

import java.time.Instant;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import org.smpolicy.decision.Effect;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.model.Role;

/**
 * What a rule's right-hand side may do: add a finding or an obligation. Everything else about
 * the result comes from the firing rule itself: its id from the rule name, its clauses from
 * {@code @clause}, and its effect from {@code @outcome}. A rule states its effect once, in its
 * metadata, so no rule can be labelled ADVICE and deny.
 *
 * <pre>
 * rule "publish.student-image-personal-account"
 *     &#64;clause("11.b")
 *     &#64;outcome("DENY")
 * when
 *     ...
 * then
 *     Results.find(kcontext, "image `" + $img.id() + "` shows a student", "post it from the school's account");
 * end
 * </pre>
 *
 * <p>This is the public contract for DRL authors, baseline and school overlays alike; an
 * overlay's right-hand side may call nothing else (see {@code docs/profiles.md}).
 */
public final class Results {

    private Results() {
    }

    /**
     * Adds a DENY or REVIEW finding, as the rule's {@code @outcome} says.
     *
     * @param kcontext the rule's context ({@code kcontext} in DRL)
     * @param message  what is wrong, in words a head teacher can act on
     * @param remedy   the smallest change that would make it acceptable
     * @throws IllegalStateException when the rule's {@code @outcome} is OBLIGATION, or DENY/REVIEW without a remedy
     */
    public static void find(RuleContext kcontext, String message, String remedy) {
        Rule rule = kcontext.getRule();
        RuleMeta meta = RuleMeta.firing(rule);
        Effect effect = meta.finding();
        if (effect == null) {
            throw new IllegalStateException("rule `" + rule.getName() + "` has @outcome(\"OBLIGATION\"): call Results.oblige");
        }
        kcontext.getKieRuntime().insert(Finding.of(meta.clauses(), rule.getName(), effect, message, remedy));
    }

    /**
     * Adds an ADVICE or NOTE finding (never changes the outcome), as the rule's {@code @outcome} says.
     *
     * @param kcontext the rule's context
     * @param message  the advice or note
     * @throws IllegalStateException when the rule's {@code @outcome} is not ADVICE or NOTE
     */
    public static void find(RuleContext kcontext, String message) {
        Rule rule = kcontext.getRule();
        RuleMeta meta = RuleMeta.firing(rule);
        Effect effect = meta.finding();
        if (effect != Effect.ADVICE && effect != Effect.NOTE) {
            throw new IllegalStateException("rule `" + rule.getName() + "` has @outcome(\"" + meta.outcome()
                    + "\"): a DENY or REVIEW finding needs a remedy, an obligation needs Results.oblige");
        }
        // A plain insert, not insertLogical: no rule reasons over results, so truth maintenance
        // would only cost time; the engine removes duplicates when it collects them.
        kcontext.getKieRuntime().insert(Finding.of(meta.clauses(), rule.getName(), effect, message, null));
    }

    /**
     * Adds an obligation; the rule's {@code @outcome} must be OBLIGATION.
     *
     * @param kcontext the rule's context
     * @param owner    who must act
     * @param action   what, as an upper-case id
     * @param due      by when
     * @param message  the duty in words
     * @throws IllegalStateException when the rule's {@code @outcome} is not OBLIGATION
     */
    public static void oblige(RuleContext kcontext, Role owner, String action, Instant due, String message) {
        Rule rule = kcontext.getRule();
        RuleMeta meta = RuleMeta.firing(rule);
        Effect effect = meta.finding();
        if (effect != null) {
            throw new IllegalStateException("rule `" + rule.getName() + "` has @outcome(\"" + meta.outcome() + "\"): call Results.find");
        }
        kcontext.getKieRuntime().insert(new Obligation(meta.clauses().get(0), meta.clauses(), rule.getName(), owner, action, message, due));
    }
}
