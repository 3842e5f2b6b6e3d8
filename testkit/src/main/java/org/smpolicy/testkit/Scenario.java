package org.smpolicy.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.Role;

/**
 * One scenario of a scenario file: a request, the moment it is decided, and what the decision
 * must show.
 *
 * @param id          a stable id, unique in its file
 * @param description what the scenario shows, in words
 * @param now         the decision instant
 * @param request     the request
 * @param expect      what the decision must show
 * @param source      the file it came from, for messages
 */
public record Scenario(String id, String description, Instant now, PolicyRequest request, Expectation expect,
                       String source) {

    /** The decision instant when a scenario gives none: Wednesday 25 November 2026, 10:00 UTC. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** Validates. */
    public Scenario {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        now = now == null ? DEFAULT_NOW : now;
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expect, "expect");
        source = source == null ? "" : source;
    }

    /** @return the display name: id and description */
    public String displayName() {
        return description.isEmpty() ? id : id + ": " + description;
    }

    /**
     * What a decision must show. Every part is optional.
     *
     * @param outcome       the outcome it must have
     * @param clauses       clauses a finding or obligation must cite
     * @param rules         rules that must have produced a finding or obligation
     * @param absentClauses clauses nothing may cite
     * @param obligations   obligations that must be there, on the fields they give
     * @param questions     questions the decision must ask: a JSON path, and the answer that goes
     *                      furthest when given
     * @param outcomeIfConfirmed what the decision must become with its questions answered as stated
     */
    public record Expectation(Optional<Outcome> outcome, List<String> clauses, List<String> rules,
                              List<String> absentClauses, List<ExpectedObligation> obligations,
                              List<ExpectedQuestion> questions, Optional<Outcome> outcomeIfConfirmed) {

        /** Copies. */
        public Expectation {
            Objects.requireNonNull(outcome, "outcome");
            clauses = List.copyOf(clauses);
            rules = List.copyOf(rules);
            absentClauses = List.copyOf(absentClauses);
            obligations = List.copyOf(obligations);
            questions = List.copyOf(questions);
            Objects.requireNonNull(outcomeIfConfirmed, "outcomeIfConfirmed");
        }

        /** An expectation on outcome, citations and obligations only. */
        public Expectation(Optional<Outcome> outcome, List<String> clauses, List<String> rules,
                           List<String> absentClauses, List<ExpectedObligation> obligations) {
            this(outcome, clauses, rules, absentClauses, obligations, List.of(), Optional.empty());
        }
    }

    /**
     * A question a decision must ask.
     *
     * @param path   the JSON path of the unknown fact
     * @param answer the answer that must go furthest, when given
     */
    public record ExpectedQuestion(String path, Optional<Boolean> answer) {
        /** Validates. */
        public ExpectedQuestion {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(answer, "answer");
        }

        /**
         * @param q a question of a decision
         * @return whether it is this one
         */
        public boolean matches(org.smpolicy.decision.Question q) {
            return q.path().equals(path) && answer.map(a -> a == (q.answer() == org.smpolicy.model.Answer.YES)).orElse(true);
        }
    }

    /**
     * An obligation a decision must have; absent fields match anything.
     *
     * @param clause the clause it must cite
     * @param rule   the rule that must produce it
     * @param owner  its owner
     * @param action its action
     * @param due    when it is due
     */
    public record ExpectedObligation(Optional<String> clause, Optional<String> rule, Optional<Role> owner,
                                     Optional<String> action, Optional<Instant> due) {

        /**
         * @param o an obligation
         * @return whether it matches every field given
         */
        public boolean matches(org.smpolicy.decision.Obligation o) {
            return clause.map(c -> o.clauses().contains(c)).orElse(true)
                    && rule.map(r -> o.rule().equals(r)).orElse(true)
                    && owner.map(w -> o.owner() == w).orElse(true)
                    && action.map(a -> o.action().equals(a)).orElse(true)
                    && due.map(d -> o.due().equals(d)).orElse(true);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("{");
            clause.ifPresent(c -> sb.append("clause=").append(c).append(' '));
            rule.ifPresent(r -> sb.append("rule=").append(r).append(' '));
            owner.ifPresent(w -> sb.append("owner=").append(w).append(' '));
            action.ifPresent(a -> sb.append("action=").append(a).append(' '));
            due.ifPresent(d -> sb.append("due=").append(d).append(' '));
            return sb.toString().strip() + "}";
        }
    }
}
