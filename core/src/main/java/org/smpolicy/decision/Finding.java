package org.smpolicy.decision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a rule found about a request.
 *
 * @param clause  the policy clause the rule enforces (the first of {@code clauses})
 * @param clauses every clause the rule cites, in the order the rule names them
 * @param rule    the stable id of the rule that produced it, e.g. {@code publish.student-image-personal-account}
 * @param outcome what the finding does to the decision
 * @param message what is wrong, written for a head teacher
 * @param remedy  the smallest change that would make the request acceptable, when there is one
 */
public record Finding(String clause, List<String> clauses, String rule, Effect outcome,
                      String message, Optional<String> remedy) implements Comparable<Finding> {

    /** Validates and copies. */
    public Finding {
        Objects.requireNonNull(clauses, "clauses");
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a finding cites at least one clause");
        }
        Objects.requireNonNull(clause, "clause");
        if (!clause.equals(clauses.get(0))) {
            throw new IllegalArgumentException("clause `" + clause + "` must be the first of " + clauses);
        }
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        remedy = Objects.requireNonNull(remedy, "remedy").filter(r -> !r.isBlank());
    }

    /**
     * Creates a finding citing the given clauses.
     *
     * @param clauses the clauses, first one primary
     * @param rule    the rule id
     * @param outcome the effect
     * @param message the message
     * @param remedy  the remedy, or {@code null} for none
     * @return the finding
     */
    public static Finding of(List<String> clauses, String rule, Effect outcome, String message, String remedy) {
        return new Finding(clauses.get(0), clauses, rule, outcome, message, Optional.ofNullable(remedy));
    }

    /** Orders findings DENY first, then REVIEW, ADVICE, NOTE; then by clause and rule. */
    @Override
    public int compareTo(Finding o) {
        int c = outcome.compareTo(o.outcome);
        if (c != 0) {
            return c;
        }
        c = ClauseIds.COMPARATOR.compare(clause, o.clause);
        if (c != 0) {
            return c;
        }
        c = rule.compareTo(o.rule);
        if (c == 0) {
            c = message.compareTo(o.message);
        }
        return c != 0 ? c : remedy.orElse("").compareTo(o.remedy.orElse(""));
    }
}
