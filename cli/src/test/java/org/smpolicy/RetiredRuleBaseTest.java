package org.smpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.decision.Decision;
import org.smpolicy.drl.Parameters;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.profile.SchoolProfile;

/**
 * A reload retires the old rule base and shuts its school pool. A decision that read the old
 * base a moment before the reload (the window CI once caught under load) must decide on the base
 * now in use, not answer that the school's decisions are all busy.
 */
class RetiredRuleBaseTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aDecisionThatReadARetiredRuleBaseDecidesOnTheNewOne() throws Exception {
        PolicyRequest request = JsonCodec.strict().readRequest(
                Files.readString(Path.of("../examples/requests/student-photo-federation-account.json")));
        RuleEngine engine = RuleEngine.load(getClass().getClassLoader(), Clock.fixed(NOW, ZoneOffset.UTC),
                WorkingCalendar.englandAndWales(), Parameters.BASELINE, SchoolProfile.load(Path.of("../examples/schools/merriott")));
        RuleBase read = engine.current();
        assertThat(read.guard()).as("Merriott's overlay runs on its own pool").isPresent();

        engine.reload(SchoolProfile.load(Path.of("../examples/schools/haselbury")));
        Decision d = engine.decideFrom(read, request, NOW);

        assertThat(d.stoppedByBudget()).as(d.findings().toString()).isFalse();
        assertThat(d.profile()).isEqualTo("Haselbury Primary School");
        assertThat(d).isEqualTo(engine.decide(request, NOW));
    }
}
