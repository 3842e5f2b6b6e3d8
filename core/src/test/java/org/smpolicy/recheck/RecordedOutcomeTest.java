package org.smpolicy.recheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Outcome;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.ConsentStatus;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;

/**
 * A register that records each item's outcome spares the decision as at publication when that
 * outcome was ALLOW, and only then: a recorded REVIEW or DENY is checked by deciding again, so a
 * register cannot keep a post out of the report by recording it stricter than it was.
 */
class RecordedOutcomeTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    static final JsonCodec JSON = JsonCodec.strict();
    static final FactChange REFUSED = new FactChange(FactChange.Kind.CONSENT_REFUSED, "pupil-1001", LocalDate.of(2026, 11, 20), Set.of());

    static Published item(String id, String outcome) {
        String line = "{\"id\": \"" + id + "\", " + (outcome == null ? "" : "\"outcome\": \"" + outcome + "\", ")
                + RegisterLinesTest.LINE.substring("{\"id\": \"p-1\", ".length());
        return JSON.readPublished(line, 1);
    }

    /** ALLOW unless a pupil's consent is refused (whatever else changed), then DENY; counts every decision. */
    static final class Decider implements BiFunction<PolicyRequest, Instant, Decision> {
        final List<Instant> calls = new ArrayList<>();

        @Override
        public synchronized Decision apply(PolicyRequest request, Instant at) {
            calls.add(at);
            boolean refused = ((PublishRequest) request).images().stream().flatMap(i -> i.people().stream())
                    .anyMatch(p -> p.consent().status() == ConsentStatus.REFUSED);
            return new Decision(refused ? Outcome.DENY : Outcome.ALLOW, List.of(), List.of(), "publish", "v", "baseline");
        }
    }

    @Test
    void aRecordedAllowSparesTheDecisionThenAndReportsTheSame() {
        Decider decider = new Decider();
        RecheckReport recorded = Recheck.run(decider, WorkingCalendar.englandAndWales(), List.of(item("p-1", "ALLOW")), List.of(REFUSED), AT);
        assertThat(decider.calls).containsExactly(AT);

        Decider again = new Decider();
        RecheckReport decided = Recheck.run(again, WorkingCalendar.englandAndWales(), List.of(item("p-1", null)), List.of(REFUSED), AT);
        assertThat(again.calls).hasSize(2);
        assertThat(recorded.reported()).isEqualTo(decided.reported()).singleElement()
                .satisfies(i -> assertThat(i.before()).isEqualTo(Outcome.ALLOW));
    }

    @Test
    void aRecordedStricterOutcomeIsDecidedAgainAndCannotHideThePost() {
        for (String outcome : List.of("REVIEW", "DENY")) {
            Decider decider = new Decider();
            RecheckReport report = Recheck.run(decider, WorkingCalendar.englandAndWales(), List.of(item("p-1", outcome)), List.of(REFUSED), AT);
            assertThat(decider.calls).as(outcome).hasSize(2);
            assertThat(report.reported()).as(outcome).singleElement().satisfies(i -> assertThat(i.before()).isEqualTo(Outcome.ALLOW));
        }
    }

    @Test
    void aPostThatIsAllowedNowIsDecidedOnceAndNotReported() {
        Decider decider = new Decider();
        FactChange asked = new FactChange(FactChange.Kind.ASKED_NOT_TO_BE_FILMED, "pupil-1001", LocalDate.of(2026, 11, 20), Set.of());
        RecheckReport report = Recheck.run(decider, WorkingCalendar.englandAndWales(), List.of(item("p-1", null)), List.of(asked), AT);
        assertThat(report.touched()).isEqualTo(1);
        assertThat(report.reported()).isEmpty();
        assertThat(decider.calls).containsExactly(AT);
    }

    @Test
    void anOutcomeThatIsNotOneIsBadInputNamingItsField() {
        assertThatThrownBy(() -> item("p-1", "MAYBE")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("$.outcome").hasMessageContaining("ALLOW, REVIEW or DENY");
        assertThatThrownBy(() -> JSON.readPublished("{\"outcome\": 3, " + RegisterLinesTest.LINE.substring(1), 1))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("$.outcome");
    }
}
