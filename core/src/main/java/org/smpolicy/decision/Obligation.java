package org.smpolicy.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.smpolicy.model.Role;

/**
 * A duty that follows from a request: who must do what, and by when.
 *
 * @param clause  the clause the duty comes from (the first of {@code clauses})
 * @param clauses every clause the rule cites
 * @param rule    the stable id of the rule that produced it
 * @param owner   who must act
 * @param action  what must be done, an upper-case id such as {@code RESPOND} or {@code REPORT_TO_SLT}
 * @param message the duty in words, for a head teacher
 * @param due     when it must be done by; the moment of receipt for duties that are due immediately
 */
public record Obligation(String clause, List<String> clauses, String rule, Role owner, String action,
                         String message, Instant due) implements Comparable<Obligation> {

    /** Validates and copies. */
    public Obligation {
        Objects.requireNonNull(clauses, "clauses");
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("an obligation cites at least one clause");
        }
        Objects.requireNonNull(clause, "clause");
        if (!clause.equals(clauses.get(0))) {
            throw new IllegalArgumentException("clause `" + clause + "` must be the first of " + clauses);
        }
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(due, "due");
    }

    /** Orders obligations by due time, then clause, rule, action, owner and message: a total order, so decisions are deterministic. */
    @Override
    public int compareTo(Obligation o) {
        int c = due.compareTo(o.due);
        if (c == 0) {
            c = ClauseIds.COMPARATOR.compare(clause, o.clause);
        }
        if (c == 0) {
            c = rule.compareTo(o.rule);
        }
        if (c == 0) {
            c = action.compareTo(o.action);
        }
        if (c == 0) {
            c = owner.compareTo(o.owner);
        }
        return c != 0 ? c : message.compareTo(o.message);
    }
}
