package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.SocialMediaPolicy;

/** The service under hostile clients, over real loopback connections. */
class HardeningTest {

    @TempDir
    Path tmp;

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static SocialMediaPolicy policy() {
        return SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
    }

    @Test
    void fiftySlowClientsDoNotStopHealthzFromAnswering() throws Exception {
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 1 << 20)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    s.getOutputStream().write("POST /v1/decide HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    slow.add(s);
                }
                for (int round = 0; round < 3; round++) {
                    for (Socket s : slow) {
                        if (!s.isClosed()) {
                            try {
                                OutputStream o = s.getOutputStream();
                                o.write(' ');
                                o.flush();
                            } catch (java.io.IOException closedByServer) {
                                // the server may already have dropped a client that slow
                            }
                        }
                    }
                    // A bounded request: it must come back well within a second while 50 clients dribble.
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/healthz"))
                            .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                    Thread.sleep(300);
                }
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void everyResponseCarriesSecurityHeaders() throws Exception {
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 1 << 20)) {
            for (String path : List.of("/", "/healthz", "/no-such-page")) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
                assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
                assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
        }
    }

    @Test
    void reloadAlwaysNeedsItsTokenAndRefusesCrossSiteRequests() throws Exception {
        Path school = tmp.resolve("school");
        Files.createDirectories(school);
        Files.copy(Path.of("../examples/schools/merriott/profile.json"), school.resolve("profile.json"));
        SocialMediaPolicy p = SocialMediaPolicy.builder().profile(school).build();
        try (DecisionServer server = DecisionServer.start(p, school, "127.0.0.1", 0, "t0ken", 1 << 20)) {
            HttpRequest.Builder ok = HttpRequest.newBuilder(URI.create(server.url() + "/v1/reload"))
                    .header("Authorization", "Bearer t0ken").POST(HttpRequest.BodyPublishers.noBody());
            assertThat(HTTP.send(ok.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            HttpResponse<String> csrf = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/reload"))
                    .header("Authorization", "Bearer t0ken").header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(csrf.statusCode()).isEqualTo(403);
            assertThat(csrf.body()).contains("cross-site");
            // DNS rebinding: a request that names another host.
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.getOutputStream().write(("POST /v1/reload HTTP/1.1\r\nHost: evil.example:" + server.port()
                        + "\r\nAuthorization: Bearer t0ken\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(reply).startsWith("HTTP/1.1 403");
            }
        }
    }

    @Test
    void anImpossibleBodyLimitIsRefusedAtStart() {
        assertThatThrownBy(() -> DecisionServer.start(policy(), null, "127.0.0.1", 0, null, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-body `2147483647` must be from 1024 to 67108864 bytes");
    }

    @Test
    void aDateOutsideTheCalendarIsABadRequestWithAMessageNotAnEmptyReply() throws Exception {
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 1 << 20)) {
            String body = "{\"type\":\"incoming-message\",\"account\":{\"id\":\"fb\",\"type\":\"FEDERATION\"},\"kind\":\"COMMENT\","
                    + "\"senderRole\":\"PARENT\",\"receivedAt\":\"1970-01-01T00:00:00Z\"}";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("$.receivedAt").contains("outside the working calendar");
        }
    }

    @Test
    void bulkIsStreamedAndLimitedInLines() throws Exception {
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 4 << 20)) {
            String line = Files.readString(Path.of("../examples/requests/comment-saturday.json")).replace("\n", " ") + "\n";
            HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide/bulk"))
                    .POST(HttpRequest.BodyPublishers.ofString(line.repeat(500))).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            // Streamed: no Content-Length, the decisions arrive as they are made.
            assertThat(r.headers().firstValue("Content-Length")).isEmpty();
            long decisions;
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                decisions = in.lines().filter(l -> l.contains("\"outcome\"")).count();
            }
            assertThat(decisions).isEqualTo(500);
            HttpResponse<String> tooMany = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide/bulk"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}\n".repeat(DecisionServer.MAX_BULK_LINES + 1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tooMany.statusCode()).isEqualTo(413);
            assertThat(tooMany.body()).contains("at most 10000 lines");
            // One line-splitting rule for counting and reading: CR ends a line too.
            HttpResponse<String> crLines = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide/bulk"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}\r".repeat(DecisionServer.MAX_BULK_LINES + 1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(crLines.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void slowBulkReadersCannotHoldTheProbesOrSingleDecisions() throws Exception {
        // Row 9: clients that post bulk bodies and never read the answers hold at most
        // MAX_BULK_AT_ONCE worker threads; the rest are answered 503 at once, and /healthz and
        // /v1/decide keep answering. Bounded: the sockets close when the test ends.
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 8 << 20)) {
            String line = Files.readString(Path.of("../examples/requests/comment-saturday.json")).replace("\n", " ") + "\n";
            byte[] body = line.repeat(DecisionServer.MAX_BULK_LINES - 1).getBytes(StandardCharsets.UTF_8);
            URI u = URI.create(server.url());
            List<java.net.Socket> readers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < DecisionServer.MAX_BULK_AT_ONCE + 4; i++) {
                    java.net.Socket socket = new java.net.Socket();
                    socket.setReceiveBufferSize(4096);
                    socket.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()), 2_000);
                    socket.getOutputStream().write(("POST /v1/decide/bulk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(body);
                    readers.add(socket); // never read
                }
                Thread.sleep(1_000);
                long start = System.nanoTime();
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/healthz"))
                        .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                HttpResponse<String> single = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide"))
                        .timeout(Duration.ofSeconds(2)).POST(HttpRequest.BodyPublishers.ofString(line)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(single.statusCode()).isEqualTo(200);
                HttpResponse<String> more = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide/bulk"))
                        .timeout(Duration.ofSeconds(2)).POST(HttpRequest.BodyPublishers.ofString(line)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(more.statusCode()).isEqualTo(503);
                assertThat(more.headers().firstValue("Retry-After")).isPresent();
                assertThat((System.nanoTime() - start) / 1_000_000).as("ms for the three answers").isLessThan(5_000);
            } finally {
                for (java.net.Socket socket : readers) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aSchoolStillLoadingAnswers503WithRetryAfterNotNoSuchSchool() throws Exception {
        // Issue 26: while a school loads, its address is known.
        Path trust = tmp.resolve("trust");
        Files.createDirectories(trust.resolve("slow"));
        Files.writeString(trust.resolve("slow/profile.json"), "{\"profileVersion\": 1, \"name\": \"Slow\"}");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 1 << 20)) {
            Thread loader = new Thread(() -> {
                try {
                    server.schools(trust, dir -> {
                        try {
                            release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return policy();
                    });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            loader.start();
            HttpResponse<String> r = null;
            for (int i = 0; i < 50 && (r == null || r.statusCode() == 404); i++) {
                Thread.sleep(20);
                r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/schools/slow/status")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(r.body()).contains("still loading");
            assertThat(server.schoolStates()).containsEntry("slow", "loading");
            release.countDown();
            loader.join(10_000);
            assertThat(server.schoolStates().get("slow")).startsWith("ready");
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/schools/slow/status")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void jettysOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
        // Issue 22, row 14: a header over the limit is answered by Jetty itself, before any handler of ours.
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 1 << 20)) {
            URI u = URI.create(server.url());
            try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(reply).startsWith("HTTP/1.1 431");
                DecisionServer.SECURITY_HEADERS.keySet().forEach(h -> assertThat(reply.toLowerCase(java.util.Locale.ROOT))
                        .contains(h.toLowerCase(java.util.Locale.ROOT) + ":"));
                assertThat(reply).doesNotContain("at org.eclipse");
            }
        }
    }

    @Test
    void bulkErrorLinesNameThePathButNotTheValue() throws Exception {
        // Row 11: one redaction for every error path, bulk lines included.
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 1 << 20)) {
            String bad = "{\"type\":\"engagement\",\"account\":{\"id\":\"a\",\"type\":\"PERSONAL\"},\"action\":\"FOLLOW\","
                    + "\"target\":{\"ref\":\"p\",\"role\":\"STUDENT\",\"dateOfBirth\":\"2031-05-05\"}}\n"
                    + "{\"type\":\"contact\",\"channel\":\"CARRIER_PIGEON_JANE_DOE\",\"recipientRole\":\"PARENT\"}\n";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide/bulk"))
                    .POST(HttpRequest.BodyPublishers.ofString(bad)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body().lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"error\""));
            assertThat(r.body()).contains("$.target.dateOfBirth").doesNotContain("2031-05-05").doesNotContain("JANE_DOE");
        }
    }

    @Test
    void aBadlyEncodedAtIsABadRequestNamingTheParameter() throws Exception {
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 1 << 20)) {
            // java.net.URI refuses `%zz`, so the request is written by hand.
            byte[] body = Files.readAllBytes(Path.of("../examples/requests/comment-saturday.json"));
            URI u = URI.create(server.url());
            try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("POST /v1/decide?at=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body);
                String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(reply).startsWith("HTTP/1.1 400").contains("?at");
            }
        }
    }

    @Test
    void accessLogHasNoPersonalDataAndCorsAnswersOnlyListedOrigins() throws Exception {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        try (DecisionServer server = DecisionServer.start(policy(), null, "127.0.0.1", 0, null, 1 << 20)
                .accessLog(lines::add).corsOrigins(java.util.Set.of("https://mis.example.org"))) {
            String body = Files.readString(Path.of("../examples/requests/follow-pupil-personal-account.json"));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide?pupil=Jane%20Smith"))
                    .header("Origin", "https://mis.example.org").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // The only query parameter the service takes is `at`: this one is refused, and logged without its value.
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://mis.example.org");
            HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/healthz"))
                    .header("Origin", "https://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\S+ POST /v1/decide 400 \\d+ms").doesNotContain("Jane");
    }

    @Test
    void anOverlayRuleThatFailsLeavesTheBaselineDecisionAndAReviewNamingIt() throws Exception {
        Path school = tmp.resolve("npe");
        Files.createDirectories(school);
        Files.writeString(school.resolve("profile.json"), "{\"profileVersion\": 1, \"name\": \"Fragile\"}");
        // An allowed overlay whose condition fails on a post without text, only for a post id the load
        // check's generated requests never use (so it loads): evaluating such a request throws.
        Files.writeString(school.resolve("fragile.drl"), "package org.school.fragile;\nimport org.smpolicy.drl.Results;\n"
                + "import org.smpolicy.model.*;\nrule \"fragile.author\"\n  @clause(\"7.c\")\n  @outcome(\"NOTE\")\nwhen\n"
                + "  PublishRequest( post.id == \"fragile\", post.text.length() > 100 )\nthen\n  Results.find(kcontext, \"long author\");\nend\n");
        SocialMediaPolicy fragile = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC))
                .profile(school).build();
        try (DecisionServer server = DecisionServer.start(fragile, school, "127.0.0.1", 0, null, 1 << 20)) {
            String body = "{\"type\":\"publish\",\"account\":{\"id\":\"fb\",\"type\":\"FEDERATION\"},\"post\":{\"id\":\"fragile\"}}";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decide"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            // An overlay that throws never removes a baseline finding: the school's rule is a REVIEW.
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"outcome\":\"REVIEW\"").contains("fragile.author").contains("publish.unconfirmed-account");
        }
    }
}
