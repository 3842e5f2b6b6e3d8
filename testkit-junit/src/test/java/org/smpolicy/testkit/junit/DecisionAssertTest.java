package org.smpolicy.testkit.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smpolicy.testkit.junit.DecisionAssert.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Effect;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.decision.Outcome;
import org.smpolicy.model.Role;

class DecisionAssertTest {

    static final Instant DUE = Instant.parse("2026-11-30T17:00:00Z");

    static final Decision DENY = new Decision(Outcome.DENY,
            List.of(Finding.of(List.of("11.b"), "publish.student-image-personal-account", Effect.DENY,
                    "image `img-1` shows a student", "post it from the school's account")),
            List.of(new Obligation("6", List.of("6"), "responses.respond-within-window", Role.ACCOUNT_RUNNERS, "RESPOND",
                    "respond", DUE)),
            "publish", "2023-01-23", "baseline");

    @Test
    void passingAssertionsChain() {
        assertThat(DENY).isDenied().isNotAllowed().cites("11.b").doesNotCite("12.b.i")
                .firedRule("publish.student-image-personal-account").didNotFire("x")
                .hasRemedy("publish.student-image-personal-account", "school's account")
                .hasObligation("6").withOwner(Role.ACCOUNT_RUNNERS).withAction("RESPOND").dueAt(DUE).and().cites("6");
    }

    @Test
    void failureShowsTheWholeDecision() {
        assertThatThrownBy(() -> assertThat(DENY).isAllowed())
                .hasMessageContaining("Expected outcome ALLOW but was DENY")
                .hasMessageContaining("[11.b] publish.student-image-personal-account: image `img-1` shows a student -> post it from the school's account")
                .hasMessageContaining("ACCOUNT_RUNNERS RESPOND by 2026-11-30T17:00:00Z");
    }

    @Test
    void obligationMismatchSaysWhatWasLookedFor() {
        assertThatThrownBy(() -> assertThat(DENY).hasObligation("6").withOwner(Role.SLT))
                .hasMessageContaining("Expected an obligation citing clause 6, owned by SLT, but there was none.");
        assertThatThrownBy(() -> assertThat(DENY).hasObligation("9.a"))
                .hasMessageContaining("citing clause 9.a");
    }

    @Test
    void citesFailsWhenTheClauseIsMissing() {
        assertThatThrownBy(() -> assertThat(DENY).cites("12.b.i")).hasMessageContaining("Expected clause 12.b.i to be cited");
        assertThatThrownBy(() -> assertThat(DENY).doesNotCite("11.b")).hasMessageContaining("not to be cited");
    }

    @Test
    void validityAssertionsSayUntilWhenTheDecisionHolds() {
        Instant until = Instant.parse("2026-12-10T00:00:00Z");
        Decision changing = DENY.withChange(java.util.Optional.of(new Decision.Change(until, Outcome.ALLOW)));
        assertThat(changing).holdsUntil(until).changesTo(Outcome.ALLOW);
        assertThat(DENY).holdsForever();
        assertThatThrownBy(() -> assertThat(DENY).holdsUntil(until))
                .hasMessageContaining("Expected the decision to hold until 2026-12-10T00:00:00Z, but it holds until forever.");
        assertThatThrownBy(() -> assertThat(changing).changesTo(Outcome.REVIEW))
                .hasMessageContaining("Expected the decision to change to REVIEW, but it changes to ALLOW.");
    }

    @Test
    void questionAssertionsSayWhatIsAskedAndWhatItBecomes() {
        Decision review = new Decision(Outcome.REVIEW, List.of(), List.of(), "publish", "2023-01-23", "baseline")
                .withQuestions(List.of(new org.smpolicy.decision.Question("$.account.sltApproved", "account().sltApproved()",
                        "Has the SLT approved account `a`?", org.smpolicy.model.Answer.YES, false)), java.util.Optional.of(Outcome.ALLOW));
        assertThat(review).asks("$.account.sltApproved").asks("$.account.sltApproved", true).becomesIfConfirmed(Outcome.ALLOW);
        assertThatThrownBy(() -> assertThat(review).asks("$.post.seniorLeaderApproved"))
                .hasMessageContaining("Expected the decision to ask about $.post.seniorLeaderApproved, but it asks [$.account.sltApproved]");
        assertThatThrownBy(() -> assertThat(review).asks("$.account.sltApproved", false)).hasMessageContaining("answered no");
        assertThatThrownBy(() -> assertThat(review).asksNothing()).hasMessageContaining("to ask nothing");
        assertThatThrownBy(() -> assertThat(review).becomesIfConfirmed(Outcome.DENY)).hasMessageContaining("but it becomes ALLOW");
        assertThat(DENY).asksNothing();
        assertThatThrownBy(() -> assertThat(DENY).becomesIfConfirmed(Outcome.ALLOW)).hasMessageContaining("nothing (it asks nothing)");
    }
}
