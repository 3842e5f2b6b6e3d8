package org.smpolicy.engine;

import java.time.Instant;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import org.smpolicy.ClauseIds;
import org.smpolicy.Effect;
import org.smpolicy.Finding;
import org.smpolicy.Obligation;
import org.smpolicy.Role;

/**
 * What a rule's right-hand side may do: insert findings and obligations. The clause and rule id
 * come from the firing rule's name and {@code @clause} metadata, never from the caller.
 *
 * <pre>
 * then
 *     Results.deny(kcontext, "student images may only be published on Federation accounts",
 *                  "post it from the school's account");
 * </pre>
 */
public final class Results {

    private Results() {
    }

    /**
     * Inserts a {@link Effect#DENY} finding.
     *
     * @param kcontext the rule's context ({@code kcontext} in DRL)
     * @param message  what is wrong
     * @param remedy   the smallest change that would make it acceptable
     */
    public static void deny(RuleContext kcontext, String message, String remedy) {
        finding(kcontext, Effect.DENY, message, remedy);
    }

    /**
     * Inserts a {@link Effect#REVIEW} finding.
     *
     * @param kcontext the rule's context
     * @param message  what needs a person's approval and why
     * @param remedy   who must approve, or what would remove the need
     */
    public static void review(RuleContext kcontext, String message, String remedy) {
        finding(kcontext, Effect.REVIEW, message, remedy);
    }

    /**
     * Inserts an {@link Effect#ADVICE} finding, which never changes the outcome.
     *
     * @param kcontext the rule's context
     * @param message  the advice
     */
    public static void advise(RuleContext kcontext, String message) {
        finding(kcontext, Effect.ADVICE, message, null);
    }

    /**
     * Inserts a {@link Effect#NOTE} finding, which never changes the outcome.
     *
     * @param kcontext the rule's context
     * @param message  the note
     */
    public static void note(RuleContext kcontext, String message) {
        finding(kcontext, Effect.NOTE, message, null);
    }

    /**
     * Inserts an obligation.
     *
     * @param kcontext the rule's context
     * @param owner    who must act
     * @param action   what, as an upper-case id
     * @param due      by when
     * @param message  the duty in words
     */
    public static void oblige(RuleContext kcontext, Role owner, String action, Instant due, String message) {
        Rule rule = kcontext.getRule();
        List<String> clauses = clauses(rule);
        kcontext.getKieRuntime().insert(new Obligation(clauses.get(0), clauses, rule.getName(), owner, action, message, due));
    }

    private static void finding(RuleContext kcontext, Effect effect, String message, String remedy) {
        Rule rule = kcontext.getRule();
        // A plain insert, not insertLogical: no rule reasons over results, so truth maintenance
        // would only cost time; the engine removes duplicates when it collects them.
        kcontext.getKieRuntime().insert(Finding.of(clauses(rule), rule.getName(), effect, message, remedy));
    }

    static List<String> clauses(Rule rule) {
        Object meta = rule.getMetaData().get("clause");
        List<String> clauses = ClauseIds.parse(meta == null ? null : meta.toString());
        if (clauses.isEmpty()) {
            throw new IllegalStateException("rule `" + rule.getName() + "` has no @clause metadata");
        }
        return clauses;
    }
}
