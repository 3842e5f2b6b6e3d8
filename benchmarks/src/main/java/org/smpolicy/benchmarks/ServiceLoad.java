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
 * period, and it prints requests per second and latency percentiles. The clients are
 * {@link LoopbackClient}s (a blocking socket each, as wrk's connections); {@code --jdk-client}
 * uses the JDK's {@code HttpClient} instead, which on 2 cores shared with the service measures
 * the client as much as the service. Loopback only; bounded in time. Run from the repository root
 * after {@code mvn -q -B install -DskipTests}:
 * {@code java -cp "benchmarks/target/benchmarks.jar" org.smpolicy.benchmarks.ServiceLoad [clients] [warm-up s] [measure s] [--jdk-client] [--no-warm-up]}.
 * The clients start, as a load balancer's would, once the service's own warm-up ({@code serve}'s
 * default of at most 10 s) has ended; {@code --no-warm-up} starts them at once.
 */
public final class ServiceLoad {

    private ServiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        boolean jdkClient = List.of(args).contains("--jdk-client");
        boolean warmUp = !List.of(args).contains("--no-warm-up");
        List<String> numbers = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        int clients = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 8;
        int warmup = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 15;
        int measure = numbers.size() > 2 ? Integer.parseInt(numbers.get(2)) : 20;
        List<String> bodies = new ArrayList<>();
        try (var files = Files.list(DecisionBenchmark.requests())) {
            for (var f : files.sorted().toList()) {
                bodies.add(Files.readString(f));
            }
        }
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
        try (DecisionServer server = DecisionServer.start(policy, null, "127.0.0.1", 0, null, 1 << 20)) {
            URI uri = URI.create(server.url() + "/v1/decide");
            if (warmUp) {
                // As `smpolicy serve` does by default: the clients start when /readyz says ready.
                org.smpolicy.WarmUp w = server.warmUp(java.time.Duration.ofSeconds(10)).get();
                System.out.printf("service warm-up (as serve's default): %,d decisions in %.1f s%n", w.decisions(), w.took().toMillis() / 1000.0);
            }
            run(uri, bodies, clients, warmup, jdkClient);
            long[] latencies = run(uri, bodies, clients, measure, jdkClient);
            Arrays.sort(latencies);
            System.out.printf("clients %d (%s), %d s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", clients,
                    jdkClient ? "JDK HttpClient" : "keep-alive sockets", measure,
                    latencies.length / (double) measure, latencies[latencies.length / 2] / 1e6,
                    latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
        }
    }

    static long[] run(URI uri, List<String> bodies, int clients, int seconds, boolean jdkClient) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            results.add(pool.submit(() -> jdkClient ? jdk(uri, bodies, offset, end) : SchoolsLoad.client(uri, bodies, offset, end, null)));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static long[] jdk(URI uri, List<String> bodies, int offset, long end) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Latencies lat = new Latencies();
        for (int i = offset; System.nanoTime() < end; i++) {
            HttpRequest r = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
            long t = System.nanoTime();
            HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("status " + resp.statusCode());
            }
            lat.add(System.nanoTime() - t);
        }
        return lat.all();
    }

    /** One client's latencies, in nanoseconds. */
    static final class Latencies {
        private long[] lat = new long[1 << 16];
        private int n;

        void add(long nanos) {
            if (n == lat.length) {
                lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = nanos;
        }

        long[] all() {
            return Arrays.copyOf(lat, n);
        }
    }
}
