package org.smpolicy.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.server.DecisionServer;

/** One process for a whole trust: every school at its own path, each reloadable on its own. */
class MultiSchoolServiceTest {

    @TempDir
    Path tmp;

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> post(String url, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void eachSchoolDecidesAtItsOwnPathAndABrokenOneSaysSoInReadiness() throws Exception {
        Path trust = tmp.resolve("trust");
        copy(Profiles.MERRIOTT, trust.resolve("merriott"));
        copy(Profiles.HASELBURY, trust.resolve("haselbury"));
        Profiles.write(trust.resolve("broken"), "{ \"profileVersion\": 1 }");
        SocialMediaPolicy baseline = SocialMediaPolicy.builder().clock(Profiles.CLOCK).build();
        String press = JsonCodec.strict().writeRequest(Profiles.pressPhoto());
        try (DecisionServer server = DecisionServer.start(baseline, null, "127.0.0.1", 0, "t0ken", 1 << 20)
                .schools(trust, dir -> SocialMediaPolicy.builder().clock(Profiles.CLOCK).profile(dir).build())) {
            HttpResponse<String> merriott = post(server.url() + "/v1/schools/merriott/decide", press, null);
            assertThat(merriott.statusCode()).isEqualTo(200);
            assertThat(merriott.body()).contains("\"outcome\":\"REVIEW\"").contains("merriott.press-photos-need-head-approval")
                    .contains("\"profile\":\"Merriott Primary School\"");
            assertThat(post(server.url() + "/v1/schools/haselbury/decide", press, null).body())
                    .contains("\"outcome\":\"ALLOW\"").contains("\"profile\":\"Haselbury Primary School\"");
            assertThat(post(server.url() + "/v1/decide", press, null).body()).contains("\"profile\":\"baseline\"");
            assertThat(post(server.url() + "/v1/schools/broken/decide", press, null).statusCode()).isEqualTo(503);

            JsonNode ready = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/readyz")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(ready.get("status").asText()).isEqualTo("degraded");
            assertThat(ready.at("/schools/merriott/status").asText()).isEqualTo("ready");
            assertThat(ready.at("/schools/broken/status").asText()).startsWith("broken");
            // A probe says school and state only: no file names, no problems, without the token.
            assertThat(ready.at("/schools/broken/problems").asInt()).isEqualTo(1);
            assertThat(ready.toString()).doesNotContain(trust.toAbsolutePath().toString());
            JsonNode detailed = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/readyz"))
                    .header("Authorization", "Bearer t0ken").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(detailed.at("/schools/broken/problems/0").asText()).contains("missing required field `name`")
                    .startsWith("broken/profile.json");
            // The same problem as a value, its file relative to the schools directory.
            assertThat(detailed.at("/schools/broken/diagnostics/0/file").asText()).isEqualTo("broken/profile.json");
            assertThat(detailed.at("/schools/broken/diagnostics/0/code").asText()).isEqualTo("profile");
            assertThat(detailed.at("/schools/broken/diagnostics/0/line").asInt()).isPositive();
            assertThat(ready.at("/schools/broken/diagnostics").isMissingNode()).isTrue();
            assertThat(detailed.toString()).doesNotContain(trust.toAbsolutePath().toString());

            // One school's reload, and a failed one that keeps its previous version serving.
            assertThat(post(server.url() + "/v1/schools/haselbury/reload", "", "t0ken").statusCode()).isEqualTo(200);
            Files.writeString(trust.resolve("merriott/zz.drl"), "package org.school.x;\nrule \"x\" salience 10 when then end\n");
            assertThat(post(server.url() + "/v1/schools/merriott/reload", "", "t0ken").statusCode()).isEqualTo(422);
            assertThat(post(server.url() + "/v1/schools/merriott/decide", press, null).body()).contains("merriott.press-photos-need-head-approval");
            JsonNode after = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/readyz")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(after.at("/schools/merriott/status").asText()).contains("serving the previous version");
        }
    }
}
