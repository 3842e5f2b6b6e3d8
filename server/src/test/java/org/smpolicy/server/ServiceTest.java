package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;

/** The decision service end to end over loopback. */
class ServiceTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static DecisionServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 4096);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everySampleDecides() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../examples/requests"))) {
            for (Path f : files.sorted().toList()) {
                HttpResponse<String> r = post("/v1/decide", Files.readString(f));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(r.body()).as(f.toString()).contains("\"outcome\":");
            }
        }
        assertThat(post("/v1/decide", Files.readString(Path.of("../examples/requests/student-photo-personal-account.json"))).body())
                .contains("\"outcome\":\"DENY\"").contains("\"clause\":\"11.b\"");
    }

    @Test
    void badRequestsGet400WithTheCommandLinesErrorTextButNoValueFromTheRequest() throws Exception {
        HttpResponse<String> r = post("/v1/decide", "{\"type\":\"tweet\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(r.body());
        assertThat(error.get("error").asText()).startsWith("$.type: unknown request type `…`; expected one of [publish");
        String personal = "{\"type\":\"engagement\",\"account\":{\"id\":\"a\",\"type\":\"PERSONAL\"},\"action\":\"FOLLOW\","
                + "\"target\":{\"role\":\"Jane Smith\\nFORGED LOG LINE\",\"dateOfBirth\":\"2011-03-14\"}}";
        HttpResponse<String> echo = post("/v1/decide", personal);
        assertThat(echo.statusCode()).isEqualTo(400);
        assertThat(echo.body()).doesNotContain("Jane").doesNotContain("FORGED").contains("$.target.role");
        // the problem as a value beside the line: its kind and path, the value left out
        JsonNode diagnostic = new ObjectMapper().readTree(echo.body()).get("diagnostic");
        assertThat(diagnostic.get("code").asText()).isEqualTo("invalid-value");
        assertThat(diagnostic.get("path").asText()).isEqualTo("$.target.role");
        assertThat(diagnostic.get("message").asText()).startsWith("unknown value `…`; expected one of");
        assertThat(post("/v1/decide", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void bodiesOverTheLimitGet413() throws Exception {
        HttpResponse<String> r = post("/v1/decide", "{\"type\":\"contact\",\"x\":\"" + "a".repeat(5000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than the limit of 4096 bytes");
        // the unread rest of the body makes the connection useless: the client is told not to reuse it
        assertThat(r.headers().firstValue("connection")).hasValue("close");
    }

    @Test
    void unknownPathsAndWrongMethodsAreRefused() throws Exception {
        assertThat(get("/v2/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> r = get("/v1/decide");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        assertThat(post("/v1/clauses", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void bulkKeepsOrderAndReportsBadLines() throws Exception {
        String a = Files.readString(Path.of("../examples/requests/comment-saturday.json")).replace("\n", " ");
        String b = Files.readString(Path.of("../examples/requests/follow-pupil-personal-account.json")).replace("\n", " ");
        HttpResponse<String> r = post("/v1/decide/bulk", a + "\n{\"type\":\"tweet\"}\n" + b + "\n");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"requestType\":\"incoming-message\"");
        assertThat(lines.get(1)).startsWith("{\"line\":2,\"error\":");
        assertThat(lines.get(2)).contains("\"requestType\":\"engagement\"");
    }

    @Test
    void catalogueStatusHealthAndReadiness() throws Exception {
        JsonNode clauses = new ObjectMapper().readTree(get("/v1/clauses").body());
        assertThat(clauses.get("clauses").asInt()).isEqualTo(74);
        assertThat(clauses.get("table").size()).isEqualTo(74);
        assertThat(clauses.get("gaps").asInt()).isZero();
        assertThat(clauses.get("table").findValuesAsText("clause")).contains("11.b", "12.b.i");
        JsonNode status = new ObjectMapper().readTree(get("/v1/status").body());
        assertThat(status.get("overdue").asBoolean()).isTrue();
        assertThat(status.get("profile").asText()).isEqualTo("baseline");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").body()).contains("ready");
        assertThat(get("/").body()).contains("smpolicy playground");
    }

    @Test
    void reloadWithoutATokenIsSwitchedOff() throws Exception {
        // Started without a token: reload is switched off, also on loopback.
        HttpResponse<String> r = post("/v1/reload", "");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("reload is switched off");
    }

    @Test
    void theOpenApiDocumentListsExactlyTheServedPaths() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(get("/openapi.json").body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            documented.add(it.next());
        }
        Set<String> served = new TreeSet<>();
        for (String p : documented) {
            // A school's paths answer 404 "no such school" here: this server serves no school.
            if (p.contains("{school}") || get(p).statusCode() != 404) {
                served.add(p);
            }
        }
        assertThat(served).isEqualTo(documented);
        assertThat(documented).containsExactlyInAnyOrder("/v1/decide", "/v1/decide/bulk", "/v1/recheck", "/v1/schools/{school}/recheck",
                "/v1/clauses", "/v1/status", "/v1/samples",
                "/v1/reload", "/healthz", "/readyz", "/openapi.json", "/", "/metrics", "/v1/schools", "/v1/schools/{school}/decide",
                "/v1/schools/{school}/decide/bulk", "/v1/schools/{school}/clauses", "/v1/schools/{school}/status",
                "/v1/schools/{school}/reload");
        assertThat(get("/v1/schools/nowhere/decide").body()).contains("no such school");
        assertThat(get("/playground.js").statusCode()).isEqualTo(200);
    }

    @Test
    void samplesAreExactlyTheExampleRequests() throws Exception {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("../examples/requests"))) {
            s.forEach(p -> files.add(p.getFileName().toString().replace(".json", "")));
        }
        assertThat(DecisionServer.SAMPLES).containsExactlyInAnyOrderElementsOf(files);
        JsonNode samples = new ObjectMapper().readTree(get("/v1/samples").body());
        assertThat(samples.size()).isEqualTo(files.size());
    }

    @Test
    void concurrentRequestsAllGetTheirOwnDecision() throws Exception {
        String deny = Files.readString(Path.of("../examples/requests/student-photo-personal-account.json"));
        String comment = Files.readString(Path.of("../examples/requests/comment-saturday.json"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean even = i % 2 == 0;
                results.add(pool.submit(() -> {
                    HttpResponse<String> r = post("/v1/decide", even ? deny : comment);
                    return r.statusCode() == 200 && r.body().contains(even ? "\"outcome\":\"DENY\"" : "\"requestType\":\"incoming-message\"");
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void metricsCountDecisionsByTypeAndOutcomeWithALatencyHistogram() throws Exception {
        post("/v1/decide", Files.readString(Path.of("../examples/requests/student-photo-personal-account.json")));
        String m = get("/metrics").body();
        assertThat(m).contains("smpolicy_decision_seconds_count{outcome=\"DENY\",school=\"baseline\",type=\"publish\"}")
                .contains("smpolicy_decision_seconds_bucket{");
    }

    @Test
    void atDecidesAsAtAnotherInstantAndAnythingElseInTheQueryIsRefused() throws Exception {
        String follow = "{\"type\":\"engagement\",\"account\":{\"id\":\"a\",\"type\":\"PERSONAL\",\"disclaimer\":true},"
                + "\"action\":\"FOLLOW\",\"target\":{\"role\":\"FORMER_STUDENT\",\"dateOfBirth\":\"2008-12-10\"}}";
        assertThat(post("/v1/decide", follow).body()).contains("\"outcome\":\"DENY\"");
        assertThat(post("/v1/decide?at=2026-12-10T00:00:00Z", follow).body()).contains("\"outcome\":\"ALLOW\"");
        assertThat(post("/v1/decide?at=yesterday", follow).statusCode()).isEqualTo(400);
        assertThat(post("/v1/decide?pupil=x", follow).statusCode()).isEqualTo(400);
    }
}
