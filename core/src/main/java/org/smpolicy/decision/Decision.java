package org.smpolicy.decision;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smpolicy.calendar.WorkingCalendar;

/**
 * The answer to one request: the combined outcome and everything that led to it.
 *
 * <pre>{@code
 * Decision d = policy.decide(request);
 * if (d.outcome() == Outcome.DENY) {
 *     d.findings().forEach(f -> System.out.println(f.clause() + ": " + f.message()));
 * }
 * }</pre>
 *
 * @param outcome       deny-overrides combination of the findings
 * @param findings      what the rules found, DENY first, then REVIEW, ADVICE and NOTE
 * @param obligations   duties with owners and deadlines, earliest first
 * @param requestType   the request type, as named in JSON ({@code publish}, {@code engagement}, ...)
 * @param policyVersion the version of the rule base that decided
 * @param profile       the school profile whose rules decided, or {@code baseline}
 * @param zone          the zone of the calendar that decided: due times and {@link #validUntil()}
 *                      are written in JSON with its offsets, so a decision made before a reload to
 *                      a profile in another zone still prints the offsets it was decided with
 * @param change        the first moment at which time alone changes the decision, and the outcome
 *                      then; empty when nothing in the request depends on time (see {@link #validUntil()})
 * @param reliesOn      the facts about people the decision relied on, by the host's references
 *                      ({@link Reliance#of}): a later change of one of them may change it
 * @param questions     the unknown facts that would settle the decision, each with the answer that
 *                      leads to the most permissive outcome; empty when nothing unknown matters
 * @param outcomeIfConfirmed the outcome if every question is answered as stated; empty when there are no questions
 */
public record Decision(Outcome outcome, List<Finding> findings, List<Obligation> obligations,
                       String requestType, String policyVersion, String profile, ZoneId zone, Optional<Change> change,
                       List<Reliance> reliesOn, List<Question> questions, Optional<Outcome> outcomeIfConfirmed) {

    /**
     * When a decision stops holding.
     *
     * @param at      the first instant at which the same request, decided again, gets a different
     *                outcome, findings or obligations because time alone has moved
     * @param outcome the outcome from then on
     */
    public record Change(java.time.Instant at, Outcome outcome) {
        /** Validates. */
        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A decision that asks no question. */
    public Decision(Outcome outcome, List<Finding> findings, List<Obligation> obligations,
                    String requestType, String policyVersion, String profile, ZoneId zone, Optional<Change> change,
                    List<Reliance> reliesOn) {
        this(outcome, findings, obligations, requestType, policyVersion, profile, zone, change, reliesOn, List.of(), Optional.empty());
    }

    /** A decision that relies on no fact about a named person. */
    public Decision(Outcome outcome, List<Finding> findings, List<Obligation> obligations,
                    String requestType, String policyVersion, String profile, ZoneId zone, Optional<Change> change) {
        this(outcome, findings, obligations, requestType, policyVersion, profile, zone, change, List.of());
    }

    /** A decision, in {@link WorkingCalendar#ENGLAND}, that time alone does not change. */
    public Decision(Outcome outcome, List<Finding> findings, List<Obligation> obligations,
                    String requestType, String policyVersion, String profile) {
        this(outcome, findings, obligations, requestType, policyVersion, profile, WorkingCalendar.ENGLAND, Optional.empty());
    }

    /** Validates, copies and checks that the outcome follows from the findings. */
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
        obligations = List.copyOf(obligations);
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(change, "change");
        reliesOn = List.copyOf(reliesOn);
        questions = List.copyOf(questions);
        Objects.requireNonNull(outcomeIfConfirmed, "outcomeIfConfirmed");
        if (questions.isEmpty() != outcomeIfConfirmed.isEmpty()) {
            throw new IllegalArgumentException("questions and outcomeIfConfirmed come together");
        }
        Outcome combined = combine(findings);
        if (combined.compareTo(outcome) > 0) {
            throw new IllegalArgumentException("outcome `" + outcome + "` is more permissive than its findings (" + combined + ")");
        }
    }

    /**
     * Combines the effects of findings, deny-overrides.
     *
     * @param findings the findings
     * @return {@code DENY} if any finding denies, else {@code REVIEW} if any asks for review, else {@code ALLOW}
     */
    public static Outcome combine(List<Finding> findings) {
        Outcome o = Outcome.ALLOW;
        for (Finding f : findings) {
            o = o.and(f.outcome().outcome());
        }
        return o;
    }

    /**
     * @param clause a clause id
     * @return whether a finding or an obligation cites the clause
     */
    public boolean cites(String clause) {
        return findings.stream().anyMatch(f -> f.clauses().contains(clause))
                || obligations.stream().anyMatch(o -> o.clauses().contains(clause));
    }

    /**
     * The rule id of the finding a decision carries when it was stopped by its time budget or the
     * school's pool was full: the decision is {@code REVIEW} and nothing was decided (a service
     * answers 503).
     */
    public static final String BUDGET_RULE = "smpolicy.decision-budget";

    /** @return whether the decision was stopped by a budget before anything was decided */
    public boolean stoppedByBudget() {
        return finding(BUDGET_RULE).isPresent();
    }

    /**
     * @param rule a rule id
     * @return the first finding produced by that rule
     */
    public Optional<Finding> finding(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst();
    }

    /**
     * Until when the decision holds: a host that stores it (a post approved last term, a scheduled
     * post) asks again at this instant. Absent when nothing in the request depends on time.
     *
     * @return the first instant at which time alone changes the decision
     */
    public Optional<java.time.Instant> validUntil() {
        return change.map(Change::at);
    }

    /** @return the outcome from {@link #validUntil()} on, when the decision changes */
    public Optional<Outcome> outcomeThen() {
        return change.map(Change::outcome);
    }

    /**
     * @param other another decision
     * @return whether both say the same: outcome, findings and obligations
     */
    public boolean sameAs(Decision other) {
        return outcome == other.outcome && findings.equals(other.findings) && obligations.equals(other.obligations);
    }

    /**
     * Whether two decisions of the same request, made at two instants, say the same. A duty due
     * "immediately" (at the instant it was decided, such as deleting a compromising image) is the
     * same duty whenever it is decided.
     *
     * @param decidedAt      when this decision was made
     * @param other          another decision
     * @param otherDecidedAt when the other was made
     * @return whether both say the same
     */
    public boolean sameAs(java.time.Instant decidedAt, Decision other, java.time.Instant otherDecidedAt) {
        return outcome == other.outcome && findings.equals(other.findings)
                && immediate(obligations, decidedAt).equals(immediate(other.obligations, otherDecidedAt));
    }

    private static List<Obligation> immediate(List<Obligation> obligations, java.time.Instant decidedAt) {
        return obligations.stream().map(o -> o.due().equals(decidedAt)
                ? new Obligation(o.clause(), o.clauses(), o.rule(), o.owner(), o.action(), o.message(), java.time.Instant.EPOCH)
                : o).toList();
    }

    /**
     * @param c when the decision stops holding, or empty
     * @return this decision with that change
     */
    public Decision withChange(Optional<Change> c) {
        return new Decision(outcome, findings, obligations, requestType, policyVersion, profile, zone, c, reliesOn, questions,
                outcomeIfConfirmed);
    }

    /**
     * @param asked     the questions that would settle the decision
     * @param confirmed the outcome if each is answered as stated
     * @return this decision asking them
     */
    public Decision withQuestions(List<Question> asked, Optional<Outcome> confirmed) {
        return new Decision(outcome, findings, obligations, requestType, policyVersion, profile, zone, change, reliesOn, asked, confirmed);
    }

    /**
     * @param facts the facts about people the decision relied on
     * @return this decision relying on them
     */
    public Decision withReliesOn(List<Reliance> facts) {
        return new Decision(outcome, findings, obligations, requestType, policyVersion, profile, zone, change, facts, questions,
                outcomeIfConfirmed);
    }

    /**
     * @return whether the outcome is {@link Outcome#ALLOW}
     */
    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
