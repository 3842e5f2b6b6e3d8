package org.smpolicy.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.Role;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;
import org.smpolicy.recheck.RecheckReport;

/**
 * One scenario of a scenario file: a request, the moment it is decided, and what the decision
 * must show; or a re-check, a register of published posts and the facts that changed, and what
 * the re-check must report.
 *
 * @param id          a stable id, unique in its file
 * @param description what the scenario shows, in words
 * @param now         the decision instant
 * @param request     the request, or {@code null} for a re-check
 * @param expect      what the decision (or the re-check) must show
 * @param source      the file it came from, for messages
 * @param recheck     the register and the changes of a re-check scenario, or {@code null} for a request
 */
public record Scenario(String id, String description, Instant now, PolicyRequest request, Expectation expect,
                       String source, Recheck recheck) {

    /** The decision instant when a scenario gives none: Wednesday 25 November 2026, 10:00 UTC. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** Validates. */
    public Scenario {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        now = now == null ? DEFAULT_NOW : now;
        if ((request == null) == (recheck == null)) {
            throw new IllegalArgumentException("a scenario has a request or a re-check, not both or neither");
        }
        Objects.requireNonNull(expect, "expect");
        source = source == null ? "" : source;
    }

    /** A scenario deciding one request, as scenario files held before re-checks. */
    public Scenario(String id, String description, Instant now, PolicyRequest request, Expectation expect, String source) {
        this(id, description, now, Objects.requireNonNull(request, "request"), expect, source, null);
    }

    /**
     * What a re-check scenario re-checks, at the scenario's instant.
     *
     * @param published the register: posts as published, with their publish requests
     * @param changes   the facts that changed, in order
     */
    public record Recheck(List<Published> published, List<FactChange> changes) {
        /** Copies. */
        public Recheck {
            published = List.copyOf(published);
            changes = List.copyOf(changes);
        }
    }

    /**
     * A published item a re-check must report: its outcome now and the duties it gives.
     *
     * @param id      the item's id in the register
     * @param outcome the outcome it must have now, if given
     * @param duties  duties that must be there, on the fields they give
     */
    public record ExpectedItem(String id, Optional<Outcome> outcome, List<ExpectedDuty> duties) {
        /** Copies. */
        public ExpectedItem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(outcome, "outcome");
            duties = List.copyOf(duties);
        }
    }

    /**
     * A re-check duty to match, on the fields given.
     *
     * @param owner  who must act
     * @param action what they must do, e.g. {@code TAKE_DOWN}
     * @param due    by when
     */
    public record ExpectedDuty(Optional<Role> owner, Optional<String> action, Optional<Instant> due) {
        /**
         * @param d a duty of a re-check report
         * @return whether it has every field this expectation gives
         */
        public boolean matches(RecheckReport.Duty d) {
            return owner.map(w -> d.owner() == w).orElse(true)
                    && action.map(a -> d.action().equals(a)).orElse(true)
                    && due.map(t -> d.due().equals(t)).orElse(true);
        }

        @Override
        public String toString() {
            return action.orElse("any action") + " " + owner.map(Role::name).orElse("anyone") + due.map(t -> " by " + t).orElse("");
        }
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
     * @param reported      for a re-check: exactly the items it must report (none: the changes touch nothing that matters)
     */
    public record Expectation(Optional<Outcome> outcome, List<String> clauses, List<String> rules,
                              List<String> absentClauses, List<ExpectedObligation> obligations,
                              List<ExpectedQuestion> questions, Optional<Outcome> outcomeIfConfirmed,
                              List<ExpectedItem> reported) {

        /** Copies. */
        public Expectation {
            Objects.requireNonNull(outcome, "outcome");
            clauses = List.copyOf(clauses);
            rules = List.copyOf(rules);
            absentClauses = List.copyOf(absentClauses);
            obligations = List.copyOf(obligations);
            questions = List.copyOf(questions);
            Objects.requireNonNull(outcomeIfConfirmed, "outcomeIfConfirmed");
            reported = List.copyOf(reported);
        }

        /** An expectation on a decision. */
        public Expectation(Optional<Outcome> outcome, List<String> clauses, List<String> rules,
                           List<String> absentClauses, List<ExpectedObligation> obligations,
                           List<ExpectedQuestion> questions, Optional<Outcome> outcomeIfConfirmed) {
            this(outcome, clauses, rules, absentClauses, obligations, questions, outcomeIfConfirmed, List.of());
        }

        /**
         * @param reported the items a re-check must report, exactly
         * @return the expectation of a re-check scenario
         */
        public static Expectation ofRecheck(List<ExpectedItem> reported) {
            return new Expectation(Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), reported);
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
     * @param path         the JSON path of the unknown fact
     * @param answer       the answer that must go furthest, when given
     * @param alternatives the paths the question must name among its alternatives (it may name more)
     */
    public record ExpectedQuestion(String path, Optional<Boolean> answer, List<String> alternatives) {
        /** Validates. */
        public ExpectedQuestion {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(answer, "answer");
            alternatives = List.copyOf(alternatives);
        }

        /** A question expected without alternatives named. */
        public ExpectedQuestion(String path, Optional<Boolean> answer) {
            this(path, answer, List.of());
        }

        /**
         * @param q a question of a decision
         * @return whether it is this one
         */
        public boolean matches(org.smpolicy.decision.Question q) {
            return q.path().equals(path) && answer.map(a -> a == (q.answer() == org.smpolicy.model.Answer.YES)).orElse(true)
                    && q.alternatives().stream().map(org.smpolicy.decision.Question::path).toList().containsAll(alternatives);
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
