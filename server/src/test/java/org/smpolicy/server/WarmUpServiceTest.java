package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.WarmUp;

/** The service warms up behind a readiness probe that says so, serving meanwhile, and counts none of it as decisions. */
class WarmUpServiceTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(DecisionServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessSaysWarmingUntilTheWarmUpEndsAndNoWarmUpDecisionIsCounted() throws Exception {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
        try (DecisionServer s = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20)) {
            assertThat(get(s, "/readyz").statusCode()).isEqualTo(200);
            // Two seconds at most: far fewer than WarmUp.DECISIONS are made, so the probe below runs during it.
            CompletableFuture<WarmUp> done = s.warmUp(Duration.ofSeconds(2));
            HttpResponse<String> during = get(s, "/readyz");
            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.body()).contains("\"status\":\"warming\"");
            String sample = Files.readString(Path.of("../examples/requests/comment-saturday.json"));
            HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/v1/decide"))
                    .POST(HttpRequest.BodyPublishers.ofString(sample)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).as("served while warming").isEqualTo(200);
            WarmUp w = done.get(60, TimeUnit.SECONDS);
            assertThat(w.decisions()).isPositive();
            assertThat(w.failed()).as("every bundled sample decides").isZero();
            HttpResponse<String> after = get(s, "/readyz");
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("\"status\":\"ready\"");
            String metrics = get(s, "/metrics").body();
            double counted = metrics.lines().filter(l -> l.startsWith("smpolicy_decision_seconds_count"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            assertThat(counted).as("only the one real decision").isEqualTo(1.0);
            assertThatThrownBy(() -> s.warmUp(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingTheServiceStopsItsWarmUp() throws Exception {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().build();
        DecisionServer s = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20);
        CompletableFuture<WarmUp> done = s.warmUp(WarmUp.MAX_TIME);
        Thread.sleep(300);
        s.close();
        WarmUp w = done.get(30, TimeUnit.SECONDS);
        assertThat(w.took()).isLessThan(Duration.ofSeconds(30));
        assertThatThrownBy(() -> s.warmUp(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aNegativeWarmUpIsRefused() throws Exception {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().build();
        try (DecisionServer s = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20)) {
            assertThatThrownBy(() -> s.warmUp(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("warm-up");
            assertThatThrownBy(() -> s.warmUp(Duration.ofDays(365L * 400))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("10 minutes");
            assertThat(get(s, "/readyz").statusCode()).isEqualTo(200);
        }
    }
}
