package org.smpolicy.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.server.DecisionServer;

/**
 * A load benchmark of the decision service over loopback: C keep-alive clients (8 by default)
 * post the sample requests in turn to {@code /v1/decide} for a warm-up, then for a measured
 * period, and it prints requests per second and latency percentiles. Loopback only; bounded in
 * time. Run from the repository root after {@code mvn -q -B install -DskipTests}:
 * {@code java -cp "benchmarks/target/benchmarks.jar" org.smpolicy.benchmarks.ServiceLoad [clients] [warm-up s] [measure s]}.
 */
public final class ServiceLoad {

    private ServiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<String> bodies = new ArrayList<>();
        try (var files = Files.list(DecisionBenchmark.requests())) {
            for (var f : files.sorted().toList()) {
                bodies.add(Files.readString(f));
            }
        }
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20)) {
            URI uri = URI.create(server.url() + "/v1/decide");
            run(uri, bodies, clients, warmup);
            long[] latencies = run(uri, bodies, clients, measure);
            Arrays.sort(latencies);
            System.out.printf("clients %d, %d s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", clients, measure,
                    latencies.length / (double) measure, latencies[latencies.length / 2] / 1e6,
                    latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
        }
    }

    static long[] run(URI uri, List<String> bodies, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            results.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] lat = new long[1 << 16];
                int n = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                    HttpRequest r = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                    long t = System.nanoTime();
                    HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
                    if (resp.statusCode() != 200) {
                        throw new IllegalStateException("status " + resp.statusCode());
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }
}
