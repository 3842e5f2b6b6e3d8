package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;

/**
 * 10,000 requests over loopback from a bounded client (8 connections' worth of threads, a hard
 * time cap). None may be lost; throughput and latency percentiles are printed to the test report
 * (server/target/surefire-reports/org.smpolicy.server.LoadTest-output.txt).
 */
class LoadTest {

    static final int REQUESTS = 10_000;
    static final int CLIENTS = 8;

    @Test
    void tenThousandRequestsOverLoopbackLoseNone() throws Exception {
        SocialMediaPolicy policy = SocialMediaPolicy.builder().build();
        List<String> bodies = new ArrayList<>();
        try (var files = Files.list(Path.of("../examples/requests"))) {
            for (Path f : files.sorted().toList()) {
                bodies.add(Files.readString(f));
            }
        }
        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create(server.url() + "/v1/decide");
            long[] nanos = new long[REQUESTS];
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            try {
                List<Future<Integer>> workers = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    workers.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = client; i < REQUESTS; i += CLIENTS) {
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            nanos[i] = System.nanoTime() - t0;
                            if (r.statusCode() == 200 && r.body().startsWith("{\"outcome\":")) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                int ok = 0;
                for (Future<Integer> w : workers) {
                    ok += w.get(5, TimeUnit.MINUTES);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(ok).as("requests answered with a decision").isEqualTo(REQUESTS);
                long[] sorted = nanos.clone();
                Arrays.sort(sorted);
                System.out.printf("loopback load: %d requests, %d clients, %.1f s, %.0f requests/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        REQUESTS, CLIENTS, seconds, REQUESTS / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                        sorted[sorted.length - 1] / 1e6);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
