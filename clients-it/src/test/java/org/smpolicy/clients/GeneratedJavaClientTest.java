package org.smpolicy.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.client.ApiClient;
import org.smpolicy.client.api.DefaultApi;
import org.smpolicy.client.model.Decision;
import org.smpolicy.client.model.Request;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.server.DecisionServer;

/**
 * A Java client nobody here wrote: openapi-generator made it from the service's OpenAPI document
 * at build time. It reads every sample request into its own model, posts it to a live service, and
 * gets the decision the library (and so the command line, ServeMatchesDecideTest) gives: the same
 * outcome, findings, obligations, questions. Its {@code ?at=} is the client's own instant format.
 */
class GeneratedJavaClientTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theGeneratedClientGetsTheLibrarysDecisionForEverySample() throws Exception {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        ObjectMapper plain = new ObjectMapper();
        int samples = 0;
        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20);
             Stream<Path> files = Files.list(Path.of("../examples/requests"))) {
            ApiClient client = new ApiClient();
            client.updateBaseUri(server.url());
            DefaultApi api = new DefaultApi(client);
            for (Path f : files.sorted().toList()) {
                String json = Files.readString(f);
                Request request = client.getObjectMapper().readValue(json, Request.class);
                Decision got = api.postDecide(request, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                JsonNode want = plain.readTree(JsonCodec.strict().writeDecision(policy.decide(JsonCodec.strict().readRequest(json), NOW)));
                assertThat(got.getOutcome().getValue()).as(f.toString()).isEqualTo(want.get("outcome").asText());
                assertThat(got.getFindings().stream().map(x -> x.getRule() + " " + x.getClauses()).toList()).as(f.toString())
                        .isEqualTo(values(want.get("findings"), x -> x.get("rule").asText() + " " + texts(x.get("clauses"))));
                assertThat(got.getObligations().stream().map(x -> x.getRule() + " " + x.getDue().toInstant()).toList()).as(f.toString())
                        .isEqualTo(values(want.get("obligations"), x -> x.get("rule").asText() + " " + OffsetDateTime.parse(x.get("due").asText()).toInstant()));
                assertThat(got.getQuestions() == null ? List.of() : got.getQuestions().stream().map(q -> q.getPath()).toList()).as(f.toString())
                        .isEqualTo(want.has("questions") ? values(want.get("questions"), q -> q.get("path").asText()) : List.of());
                samples++;
            }
        }
        assertThat(samples).isGreaterThanOrEqualTo(11);
    }

    static List<String> values(JsonNode array, java.util.function.Function<JsonNode, String> f) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(f.apply(n)));
        return out;
    }

    static String texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.toString();
    }
}
