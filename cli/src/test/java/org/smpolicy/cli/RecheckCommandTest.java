package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;
import org.smpolicy.recheck.RecheckReport;
import org.smpolicy.server.DecisionServer;

/**
 * Issue 25's cases from real life, through Java, the command line and the service with the same
 * duties: a class photo with two children whose parents refused consent; consent withdrawn for
 * social media only (the website copy stays); a pupil added to the no-publish list after a
 * sports-day gallery went out on two accounts; a runner who left while their posts stay up; a
 * change that touches nothing. The samples are examples/recheck/.
 */
class RecheckCommandTest {

    static final String NOW = "2026-11-25T10:00:00Z";
    static final Path PUBLISHED = Path.of("../examples/recheck/published.jsonl");
    static final Path CHANGES = Path.of("../examples/recheck/changes.jsonl");
    static final Map<String, String> EXPECTED = Map.of(
            "class3-photo", "TAKE_DOWN ACCOUNT_RUNNERS 2026-11-26T10:00:00Z",
            "harvest-fb", "TAKE_DOWN ACCOUNT_RUNNERS 2026-11-26T10:00:00Z",
            "sports-day-fb", "TAKE_DOWN ACCOUNT_RUNNERS 2026-11-26T10:00:00Z",
            "sports-day-web", "TAKE_DOWN ACCOUNT_RUNNERS 2026-11-26T10:00:00Z",
            "trip-post", "REASSIGN_CONTENT ADMINISTRATOR 2026-11-26T17:00:00Z");

    @TempDir
    Path tmp;

    static Map<String, String> duties(JsonNode report) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode item : report.get("reported")) {
            List<String> ds = new ArrayList<>();
            for (JsonNode d : item.get("duties")) {
                ds.add(d.get("action").asText() + " " + d.get("owner").asText() + " "
                        + java.time.OffsetDateTime.parse(d.get("due").asText()).toInstant());
            }
            out.put(item.get("id").asText(), String.join("; ", ds));
        }
        return out;
    }

    @Test
    void javaCommandLineAndServiceGiveTheSameDuties() throws Exception {
        JsonCodec json = JsonCodec.strict();
        List<Published> register = new ArrayList<>();
        long n = 0;
        for (String line : Files.readAllLines(PUBLISHED)) {
            register.add(json.readPublished(line, ++n));
        }
        List<FactChange> changes = Files.readAllLines(CHANGES).stream().map(json::readChange).toList();
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC)).build();
        RecheckReport report = policy.recheck(register, changes);
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> fromJava = duties(mapper.readTree(json.writeRecheck(report)));
        assertThat(fromJava).isEqualTo(new TreeMap<>(EXPECTED));
        assertThat(report.touched()).as("only touched items are decided again").isEqualTo(5);
        assertThat(report.byChange()).doesNotContainKey(6);
        assertThat(report.byChange().get(4)).containsExactly("sports-day-fb", "sports-day-web");

        Cli cli = Cli.run("recheck", "--now=" + NOW, "--format", "json", "--published", PUBLISHED.toString(), "--changes", CHANGES.toString());
        assertThat(cli.code()).as(cli.err()).isEqualTo(1);
        assertThat(duties(mapper.readTree(cli.out()))).isEqualTo(fromJava);

        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 4 << 20)) {
            String body = "{\"published\": [" + String.join(",", Files.readAllLines(PUBLISHED)) + "], \"changes\": ["
                    + String.join(",", Files.readAllLines(CHANGES)) + "]}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/recheck?at=" + NOW))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(duties(mapper.readTree(r.body()))).isEqualTo(fromJava);
        }
    }

    @Test
    void theTextReportGroupsByAccountAndByChange() {
        Cli cli = Cli.run("recheck", "--now=" + NOW, "--published", PUBLISHED.toString(), "--changes", CHANGES.toString());
        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.out()).contains("re-checked 7 published posts against 6 changes: 5 touched, 5 to act on")
                .contains("account merriott-website:\n  sports-day-web").doesNotContain("harvest-web")
                .contains("change 4 (ADDED_TO_NO_PUBLISH_LIST pupil-1020): sports-day-fb, sports-day-web");
    }

    @Test
    void badLinesAreNamedOneLineEachAndTheRestIsStillRechecked() throws Exception {
        Path pretty = tmp.resolve("pretty.jsonl");
        Files.writeString(pretty, "{\n  \"change\": \"CONSENT_REFUSED\",\n  \"ref\": \"pupil-1002\"\n}\n");
        Cli p = Cli.run("recheck", "--now=" + NOW, "--published", PUBLISHED.toString(), "--changes", pretty.toString());
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err().lines()).allSatisfy(l -> assertThat(l).startsWith("smpolicy recheck: " + pretty + ":"));
        assertThat(p.err()).contains(pretty + ":1: ").contains("pretty-printed").doesNotContain("Exception");

        Path nobody = tmp.resolve("nobody.jsonl");
        Files.writeString(nobody, "{\"change\": \"ADDED_TO_NO_PUBLISH_LIST\"}\n" + Files.readAllLines(CHANGES).get(3) + "\n");
        Cli n = Cli.run("recheck", "--now=" + NOW, "--published", PUBLISHED.toString(), "--changes", nobody.toString());
        assertThat(n.code()).isEqualTo(2);
        assertThat(n.err().strip()).isEqualTo("smpolicy recheck: " + nobody + ":1: $.ref: missing required field `ref`: a change names the person it is about");
        assertThat(n.out()).as("the good change is still applied").contains("sports-day-fb").contains("sports-day-web");

        Path register = tmp.resolve("register.jsonl");
        Files.writeString(register, "{\"publishedAt\": \"2026-10-01T10:00:00Z\", \"request\": {\"type\": \"contact\", \"channel\": \"LETTER\", "
                + "\"recipientRole\": \"PARENT\"}}\n" + Files.readAllLines(PUBLISHED).get(0) + "\n");
        Cli g = Cli.run("recheck", "--now=" + NOW, "--published", register.toString(), "--changes", CHANGES.toString());
        assertThat(g.code()).isEqualTo(2);
        assertThat(g.err().strip()).isEqualTo("smpolicy recheck: " + register + ":1: $.request.type: a published item is a `publish` request, not `contact`");
        assertThat(g.out()).contains("class3-photo");
    }

    @Test
    void registerLinesEndAtCrOrCrLfAndALineThatIsNotUtf8IsNamed() throws Exception {
        List<String> lines = Files.readAllLines(PUBLISHED);
        java.io.ByteArrayOutputStream register = new java.io.ByteArrayOutputStream();
        register.writeBytes((lines.get(0) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        register.writeBytes(lines.get(1).replace("\"text\": \"", "\"text\": \"\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        register.writeBytes(("\r" + lines.get(2) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = tmp.resolve("register-crlf.jsonl");
        Files.write(file, register.toByteArray());
        Cli all = Cli.run("recheck", "--now=" + NOW, "--published", PUBLISHED.toString(), "--changes", CHANGES.toString(), "--format", "json");
        Cli r = Cli.run("recheck", "--now=" + NOW, "--published", file.toString(), "--changes", CHANGES.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("smpolicy recheck: " + file + ":2: not UTF-8 text");
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.path("items").asLong()).isEqualTo(2);
        JsonNode reportedBefore = new ObjectMapper().readTree(all.out()).path("reported");
        List<String> expected = new java.util.ArrayList<>();
        for (JsonNode item : reportedBefore) {
            String id = item.path("id").asText();
            if (lines.get(0).contains("\"id\": \"" + id + "\"") || lines.get(2).contains("\"id\": \"" + id + "\"")) {
                expected.add(id);
            }
        }
        List<String> reported = new java.util.ArrayList<>();
        report.path("reported").forEach(i -> reported.add(i.path("id").asText()));
        assertThat(reported).isNotEmpty().isEqualTo(expected);
    }
}

