package org.smpolicy.properties;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.Decision;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.rules.Policies;

/**
 * Each property is seen to fail, with a shrunk counterexample, when the invariant it guards is
 * broken on purpose: the rules it depends on are switched off (through a school profile that
 * declares the relaxation), or the code under test is replaced by a broken one.
 */
class PropertiesFailWhenBrokenTest {

    @TempDir
    Path tmp;

    SocialMediaPolicy without(String... rules) throws IOException {
        StringBuilder disable = new StringBuilder();
        StringBuilder relax = new StringBuilder();
        for (String r : rules) {
            disable.append(disable.length() == 0 ? "" : ",").append("{\"rule\":\"").append(r).append("\",\"reason\":\"broken on purpose\"}");
            relax.append(relax.length() == 0 ? "" : ",").append("{\"of\":\"").append(r).append("\",\"reason\":\"broken on purpose\"}");
        }
        Files.writeString(tmp.resolve("profile.json"), "{\"profileVersion\":1,\"name\":\"Broken\",\"disable\":[" + disable
                + "],\"relaxations\":[" + relax + "]}");
        return SocialMediaPolicy.builder().clock(Clock.fixed(Policies.NOW, ZoneOffset.UTC)).profile(tmp).build();
    }

    static void falsified(Runnable property) {
        assertThatThrownBy(property::run).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property falsified").hasMessageContaining("Smallest found falsifying value")
                .satisfies(e -> System.out.println(e.getMessage())); // the shrunk counterexample, kept in the test report
    }

    @Test
    void monotonicityFailsWithoutTheDenyRules() throws IOException {
        SocialMediaPolicy broken = without("publish.confidential-material", "publish.no-publish-list",
                "publish.asked-not-to-be-filmed", "publish.compromising-image");
        falsified(() -> PolicyPropertiesTest.monotonicity(broken));
    }

    @Test
    void unknownImageFailsWithoutTheFailClosedRule() throws IOException {
        SocialMediaPolicy broken = without("publish.unknown-image-personal-account");
        falsified(() -> PolicyPropertiesTest.unknownImage(broken));
    }

    @Test
    void unknownAgeFailsWithoutRule12bi() throws IOException {
        SocialMediaPolicy broken = without("engagement.personal-account-student-under-18");
        falsified(() -> PolicyPropertiesTest.unknownAge(broken));
    }

    @Test
    void unknownConsentFailsWithoutTheConsentRule() throws IOException {
        SocialMediaPolicy broken = without("publish.consent-unknown");
        falsified(() -> PolicyPropertiesTest.unknownConsent(broken));
    }

    @Test
    void orderIndependenceFailsForADeciderThatLooksOnlyAtTheFirstImage() {
        SocialMediaPolicy policy = Policies.baseline();
        falsified(() -> PolicyPropertiesTest.deterministic(r -> policy.decide(new PublishRequest(r.account(), r.post(),
                r.images().isEmpty() ? List.of() : List.of(r.images().get(0)), r.links(), r.shared()))));
    }

    @Test
    void roundTripFailsForALossyWriter() {
        JsonCodec json = JsonCodec.strict();
        falsified(() -> PolicyPropertiesTest.roundTrip(d -> json.writeDecision(new Decision(d.outcome(),
                d.findings().stream().map(f -> org.smpolicy.Finding.of(f.clauses(), f.rule(), f.outcome(), f.message(), null)).toList(),
                d.obligations(), d.requestType(), d.policyVersion(), d.profile()))));
    }
}
