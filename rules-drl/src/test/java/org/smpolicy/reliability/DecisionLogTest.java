package org.smpolicy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.log.JsonLinesDecisionLog;
import org.smpolicy.model.Account;
import org.smpolicy.model.Answer;
import org.smpolicy.model.Channel;
import org.smpolicy.model.Consent;
import org.smpolicy.model.DepictedPerson;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Image;
import org.smpolicy.model.Link;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.Post;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.SharedMaterial;
import org.smpolicy.rules.Policies;

/** The decision log records what was decided and why, and no personal data unless asked to. */
class DecisionLogTest {

    static final List<String> PERSONAL = List.of("Jane Doe", "jane-doe-1001", "2011-03-14", "img-jane-at-the-beach",
            "https://example.org/jane", "Mrs Smith", "Jane's birthday party", "staff-mrs-smith-instagram", "poster-by-john");

    static PublishRequest publish() {
        Image img = new Image("img-jane-at-the-beach", List.of(new DepictedPerson("jane-doe-1001", PersonRole.STUDENT,
                Consent.granted(Channel.SOCIAL_MEDIA), false, false)), null, Answer.YES, Answer.NO, false, true);
        Post post = new Post("post-1", "Jane Doe at Jane's birthday party", "Mrs Smith", true, Answer.YES, false, false, Set.of(), Answer.UNKNOWN);
        return new PublishRequest(Account.personal("staff-mrs-smith-instagram"), post, List.of(img),
                List.of(new Link("https://example.org/jane", Answer.UNKNOWN, Answer.UNKNOWN)),
                List.of(new SharedMaterial("poster-by-john", Answer.UNKNOWN, false)));
    }

    static EngagementRequest follow() {
        return new EngagementRequest(Account.personal("staff-mrs-smith-instagram"), EngagementAction.FOLLOW,
                new Person("jane-doe-1001", PersonRole.STUDENT, null, LocalDate.parse("2011-03-14")), null);
    }

    static String logOf(boolean include) {
        StringWriter out = new StringWriter();
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(Policies.NOW, ZoneOffset.UTC))
                .decisionLog(JsonLinesDecisionLog.builder().includeRequest(include).writer(out)).build();
        policy.decide(publish());
        policy.decide(follow());
        return out.toString();
    }

    @Test
    void aRequestFullOfPersonalDataLeavesNoneOfItInTheLog() throws IOException {
        String log = logOf(false);
        for (String personal : PERSONAL) {
            assertThat(log).as("the log must not contain %s", personal).doesNotContain(personal);
        }
        List<String> lines = log.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("requestType").asText()).isEqualTo("publish");
        assertThat(first.get("outcome").asText()).isEqualTo("DENY");
        assertThat(first.get("time").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(first.get("id").asText()).hasSize(36);
        assertThat(first.get("rules").toString()).contains("publish.student-image-personal-account");
        assertThat(first.get("clauses").toString()).contains("11.b");
        assertThat(first.get("policyVersion").asText()).isEqualTo("2023-01-23");
        assertThat(first.get("profile").asText()).isEqualTo("baseline");
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("clauses").toString()).contains("12.b.i");
    }

    @Test
    void hostsThatOptInGetTheWholeRequest() {
        String log = logOf(true);
        assertThat(log).contains("jane-doe-1001").contains("2011-03-14").contains("Mrs Smith");
    }

    @Test
    void aFailingLogNeverFailsTheDecision() {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(Policies.NOW, ZoneOffset.UTC))
                .decisionLog((r, d, at) -> {
                    throw new IllegalStateException("disk full");
                }).build();
        assertThat(policy.decide(follow()).outcome()).isEqualTo(org.smpolicy.decision.Outcome.DENY);
    }
}
