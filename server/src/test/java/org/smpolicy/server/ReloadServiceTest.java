package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.SocialMediaPolicy;

/** Reload over HTTP under load: a token is required, a broken profile is refused, decisions never fail. */
class ReloadServiceTest {

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
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void reloadKeepsServingTheOldRuleBaseUntilTheNewOneIsValid() throws Exception {
        Path school = tmp.resolve("school");
        copy(Path.of("../examples/schools/merriott"), school);
        SocialMediaPolicy policy = SocialMediaPolicy.builder().profile(school).build();
        try (DecisionServer server = DecisionServer.start(policy, school, "127.0.0.1", 0, "s3cret", 1 << 20)) {
            String request = Files.readString(Path.of("../examples/requests/student-photo-personal-account.json"));
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(pool.submit(() -> {
                    int n = 0;
                    while (running.get() && n < 5_000) {
                        HttpResponse<String> r = post(server.url() + "/v1/decide", request, null);
                        assertThat(r.statusCode()).isEqualTo(200);
                        assertThat(r.body()).contains("\"outcome\":\"DENY\"");
                        n++;
                    }
                    return n;
                }));
            }
            assertThat(post(server.url() + "/v1/reload", "", null).statusCode()).isEqualTo(401);
            assertThat(post(server.url() + "/v1/reload", "", "wrong").statusCode()).isEqualTo(401);
            assertThat(post(server.url() + "/v1/reload", "", "s3cret").statusCode()).isEqualTo(200);
            Files.writeString(school.resolve("broken.drl"), "package org.school.x;\nrule \"x\" when then System.exit(1); end\n");
            HttpResponse<String> broken = post(server.url() + "/v1/reload", "", "s3cret");
            assertThat(broken.statusCode()).isEqualTo(422);
            assertThat(broken.body()).contains("broken.drl:2:").contains("previous rule base keeps deciding");
            com.fasterxml.jackson.databind.JsonNode refused = new com.fasterxml.jackson.databind.ObjectMapper().readTree(broken.body());
            assertThat(refused.get("diagnostics")).isNotEmpty().allSatisfy(g -> assertThat(g.get("code").asText()).isEqualTo("profile"));
            assertThat(refused.get("diagnostics").get(0).get("file").asText()).endsWith("broken.drl");
            assertThat(refused.get("diagnostics").get(0).get("line").asInt()).isEqualTo(2);
            Files.delete(school.resolve("broken.drl"));
            assertThat(post(server.url() + "/v1/reload", "", "s3cret").statusCode()).isEqualTo(200);
            running.set(false);
            int total = 0;
            for (Future<Integer> f : load) {
                total += f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(total).isPositive();
            assertThat(policy.profile()).isEqualTo("Merriott Primary School");
        }
    }

    @Test
    void bindingBeyondLoopbackNeedsAToken() {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DecisionServer.start(policy, null, "0.0.0.0", 0, null, 1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reload token");
    }
}
