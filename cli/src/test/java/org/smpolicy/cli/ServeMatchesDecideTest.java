package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.server.DecisionServer;

/**
 * The decision service the command line starts answers every sample exactly as {@code decide} prints
 * it, and shows the same traceability document as {@code clauses --format json}.
 */
class ServeMatchesDecideTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void everySampleDecidesExactlyAsTheCommandLinePrints() throws Exception {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        HttpClient http = HttpClient.newHttpClient();
        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20);
             Stream<Path> files = Files.list(Path.of("../examples/requests"))) {
            for (Path f : files.sorted().toList()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide"))
                        .POST(HttpRequest.BodyPublishers.ofString(Files.readString(f))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).as(f.toString()).isEqualTo(Cli.run("decide", "--now=" + NOW, f.toString()).out());
            }
        }
    }

    @Test
    void clausesAreOneDocumentOverTheCommandLineAndHttp() throws Exception {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/clauses"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            String cli = Cli.run("clauses", "--format", "json").out();
            assertThat(r.body()).isEqualTo(cli);
            assertThat(cli).contains("\"clause\":\"11.b\"", "\"summary\":", "\"rules\":[{\"rule\":");
        }
    }
}
