package org.smpolicy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.drl.Parameters;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.rules.FederationInvariants;

/** Every engine in the comparison gives the same answers as ours on the shared inputs. */
class PeersAgreeTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final SocialMediaPolicy OURS = SocialMediaPolicy.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    static final SaplPeer SAPL = new SaplPeer();
    static final EasyRulesPeer EASY = new EasyRulesPeer();

    @AfterAll
    static void close() throws java.io.IOException {
        SAPL.close();
    }

    static String oursHeadline(Object request) {
        Decision d = OURS.decide((PolicyRequest) request);
        if (d.finding("publish.student-image-personal-account").isPresent()) {
            return "11.b";
        }
        if (d.finding("engagement.personal-account-student-under-18").isPresent()) {
            return "12.b.i";
        }
        return null;
    }

    @Test
    void saplAndEasyRulesGiveOurAnswersOnTheSharedInputs() {
        int denied = 0;
        for (Object input : Headline.inputs(200, 1)) {
            String ours = oursHeadline(input);
            assertThat(SAPL.decide(input)).as("SAPL on %s", input).isEqualTo(ours);
            assertThat(EASY.decide(input)).as("Easy Rules on %s", input).isEqualTo(ours);
            if (ours != null) {
                denied++;
            }
        }
        assertThat(denied).as("inputs denied by a headline rule").isBetween(50, 350);
    }

    @Test
    void plainJavaGivesOurOutcomeAndFiredRulesOnGeneratedRequests() {
        PlainJavaPolicy plain = new PlainJavaPolicy(OURS.calendar().localDate(NOW), Parameters.BASELINE);
        Random random = new Random(9);
        int compared = 0;
        for (int i = 0; i < 3_000; i++) {
            PolicyRequest r = FederationInvariants.request(random);
            PlainJavaPolicy.Result expected;
            if (r instanceof PublishRequest p) {
                expected = plain.publish(p);
            } else if (r instanceof EngagementRequest e) {
                expected = plain.engage(e);
            } else {
                continue;
            }
            Decision d = OURS.decide(r);
            java.util.Set<String> fired = new java.util.TreeSet<>();
            d.findings().forEach(f -> fired.add(f.rule()));
            d.obligations().forEach(o -> fired.add(o.rule()));
            assertThat(expected.outcome()).as("outcome of %s", r).isEqualTo(d.outcome());
            assertThat(expected.rules()).as("rules fired for %s", r).isEqualTo(fired);
            compared++;
        }
        assertThat(compared).isGreaterThan(1_500);
    }
}
