package org.smpolicy.testkit.junit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Obligation;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.Role;
import org.smpolicy.testkit.Decisions;

/**
 * AssertJ assertions on a {@link Decision}. Every failure message shows the whole decision.
 *
 * <pre>{@code
 * assertThat(policy.checkPublish(request))
 *         .isDenied()
 *         .cites("11.b")
 *         .firedRule("publish.student-image-personal-account")
 *         .doesNotCite("12.b.i");
 * assertThat(policy.respondTo(comment))
 *         .hasObligation("6").withOwner(Role.ACCOUNT_RUNNERS).withAction("RESPOND").dueAt(Instant.parse("2026-11-30T17:00:00Z"));
 * }</pre>
 */
public class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {

    /**
     * @param actual the decision under test
     */
    protected DecisionAssert(Decision actual) {
        super(actual, DecisionAssert.class);
    }

    /**
     * @param decision the decision under test
     * @return its assertions
     */
    public static DecisionAssert assertThat(Decision decision) {
        return new DecisionAssert(decision);
    }

    private DecisionAssert fail(String what) {
        failWithMessage("%s%nThe decision was:%n%s", what, Decisions.describe(actual));
        return this;
    }

    /**
     * @param expected the outcome it must have
     * @return this
     */
    public DecisionAssert hasOutcome(Outcome expected) {
        isNotNull();
        return actual.outcome() == expected ? this : fail("Expected outcome " + expected + " but was " + actual.outcome() + ".");
    }

    /** @return this, if the outcome is ALLOW */
    public DecisionAssert isAllowed() {
        return hasOutcome(Outcome.ALLOW);
    }

    /** @return this, if the outcome is DENY */
    public DecisionAssert isDenied() {
        return hasOutcome(Outcome.DENY);
    }

    /** @return this, if the outcome is REVIEW */
    public DecisionAssert needsReview() {
        return hasOutcome(Outcome.REVIEW);
    }

    /** @return this, if the outcome is not ALLOW */
    public DecisionAssert isNotAllowed() {
        isNotNull();
        return actual.outcome() != Outcome.ALLOW ? this : fail("Expected the request not to be allowed, but it was.");
    }

    /**
     * @param clause a clause id
     * @return this, if a finding or obligation cites the clause
     */
    public DecisionAssert cites(String clause) {
        isNotNull();
        return actual.cites(clause) ? this : fail("Expected clause " + clause + " to be cited, but it was not.");
    }

    /**
     * @param clause a clause id
     * @return this, if nothing cites the clause
     */
    public DecisionAssert doesNotCite(String clause) {
        isNotNull();
        return !actual.cites(clause) ? this : fail("Expected clause " + clause + " not to be cited, but it was.");
    }

    /**
     * @param until the instant the decision should hold until
     * @return this, if time alone changes the decision exactly then
     */
    public DecisionAssert holdsUntil(Instant until) {
        isNotNull();
        return actual.validUntil().filter(until::equals).isPresent() ? this
                : fail("Expected the decision to hold until " + until + ", but it holds until "
                        + actual.validUntil().map(Object::toString).orElse("forever") + ".");
    }

    /**
     * @param outcome the outcome the decision should change to at {@code validUntil}
     * @return this, if it does
     */
    public DecisionAssert changesTo(Outcome outcome) {
        isNotNull();
        return actual.outcomeThen().filter(outcome::equals).isPresent() ? this
                : fail("Expected the decision to change to " + outcome + ", but it changes to "
                        + actual.outcomeThen().map(Object::toString).orElse("nothing (it holds forever)") + ".");
    }

    /**
     * @param path the JSON path of a fact the request left unknown, e.g. {@code $.account.sltApproved}
     * @return this, if the decision asks about it (a question would settle it)
     */
    public DecisionAssert asks(String path) {
        isNotNull();
        return actual.questions().stream().anyMatch(q -> q.path().equals(path)) ? this
                : fail("Expected the decision to ask about " + path + ", but it asks "
                        + (actual.questions().isEmpty() ? "nothing" : actual.questions().stream().map(q -> q.path()).toList()) + ".");
    }

    /**
     * @param path   the JSON path of an unknown fact
     * @param answer the answer that should lead to the most permissive outcome
     * @return this, if the decision asks about it with that answer
     */
    public DecisionAssert asks(String path, boolean answer) {
        asks(path);
        boolean yes = actual.questions().stream().filter(q -> q.path().equals(path)).anyMatch(q -> q.answer() == org.smpolicy.model.Answer.YES);
        return yes == answer ? this : fail("Expected the question about " + path + " to be answered " + (answer ? "yes" : "no")
                + " to go furthest, but it is answered " + (yes ? "yes" : "no") + ".");
    }

    /** @return this, if the decision asks nothing (no unknown fact would settle it) */
    public DecisionAssert asksNothing() {
        isNotNull();
        return actual.questions().isEmpty() ? this
                : fail("Expected the decision to ask nothing, but it asks " + actual.questions().stream().map(q -> q.path()).toList() + ".");
    }

    /**
     * @param outcome what the decision becomes with every question answered as stated
     * @return this, if so
     */
    public DecisionAssert becomesIfConfirmed(Outcome outcome) {
        isNotNull();
        return actual.outcomeIfConfirmed().filter(outcome::equals).isPresent() ? this
                : fail("Expected the decision to become " + outcome + " with its questions answered, but it becomes "
                        + actual.outcomeIfConfirmed().map(Object::toString).orElse("nothing (it asks nothing)") + ".");
    }

    /** @return this, if nothing in the request depends on time */
    public DecisionAssert holdsForever() {
        isNotNull();
        return actual.validUntil().isEmpty() ? this : fail("Expected the decision to hold forever, but it holds until " + actual.validUntil().get() + ".");
    }

    /**
     * @param rule a rule id
     * @return this, if the rule produced a finding or an obligation
     */
    public DecisionAssert firedRule(String rule) {
        isNotNull();
        return fired(rule) ? this : fail("Expected rule " + rule + " to fire, but it did not.");
    }

    /**
     * @param rule a rule id
     * @return this, if the rule produced nothing
     */
    public DecisionAssert didNotFire(String rule) {
        isNotNull();
        return !fired(rule) ? this : fail("Expected rule " + rule + " not to fire, but it did.");
    }

    private boolean fired(String rule) {
        return actual.findings().stream().anyMatch(f -> f.rule().equals(rule))
                || actual.obligations().stream().anyMatch(o -> o.rule().equals(rule));
    }

    /**
     * @param rule    a rule id
     * @param remedyFragment text the remedy must contain
     * @return this, if the rule produced a finding whose remedy contains the text
     */
    public DecisionAssert hasRemedy(String rule, String remedyFragment) {
        isNotNull();
        boolean ok = actual.findings().stream().anyMatch(f -> f.rule().equals(rule)
                && f.remedy().map(r -> r.contains(remedyFragment)).orElse(false));
        return ok ? this : fail("Expected rule " + rule + " to give a remedy containing \"" + remedyFragment + "\".");
    }

    /** @return this, if there are no obligations */
    public DecisionAssert hasNoObligations() {
        isNotNull();
        return actual.obligations().isEmpty() ? this : fail("Expected no obligations.");
    }

    /**
     * Starts assertions on the obligations citing a clause.
     *
     * @param clause a clause id
     * @return assertions narrowing down those obligations
     */
    public ObligationsAssert hasObligation(String clause) {
        isNotNull();
        List<Obligation> matching = actual.obligations().stream().filter(o -> o.clauses().contains(clause)).toList();
        if (matching.isEmpty()) {
            fail("Expected an obligation citing clause " + clause + ", but there was none.");
        }
        return new ObligationsAssert(this, matching, "citing clause " + clause);
    }

    /** Narrows down obligations; fails when none is left. */
    public static final class ObligationsAssert {
        private final DecisionAssert parent;
        private final List<Obligation> candidates;
        private final String description;

        ObligationsAssert(DecisionAssert parent, List<Obligation> candidates, String description) {
            this.parent = parent;
            this.candidates = candidates;
            this.description = description;
        }

        private ObligationsAssert narrow(Predicate<Obligation> p, String what) {
            List<Obligation> left = candidates.stream().filter(p).toList();
            String d = description + ", " + what;
            if (left.isEmpty()) {
                parent.fail("Expected an obligation " + d + ", but there was none.");
            }
            return new ObligationsAssert(parent, left, d);
        }

        /**
         * @param owner the owner
         * @return this, narrowed to obligations of that owner
         */
        public ObligationsAssert withOwner(Role owner) {
            return narrow(o -> o.owner() == owner, "owned by " + owner);
        }

        /**
         * @param action the action id
         * @return this, narrowed to that action
         */
        public ObligationsAssert withAction(String action) {
            return narrow(o -> o.action().equals(action), "with action " + action);
        }

        /**
         * @param rule the rule id
         * @return this, narrowed to that rule
         */
        public ObligationsAssert fromRule(String rule) {
            return narrow(o -> o.rule().equals(rule), "from rule " + rule);
        }

        /**
         * @param due the due instant
         * @return this, narrowed to obligations due then
         */
        public ObligationsAssert dueAt(Instant due) {
            return narrow(o -> Objects.equals(o.due(), due), "due at " + due);
        }

        /** @return the decision's assertions, to go on */
        public DecisionAssert and() {
            return parent;
        }
    }
}
