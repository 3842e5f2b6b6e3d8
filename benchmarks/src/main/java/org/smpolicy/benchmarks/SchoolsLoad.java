package org.smpolicy.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.server.DecisionServer;

/**
 * One hostile school among three: a load benchmark of the multi-school service over loopback.
 * Two schools (Merriott and Haselbury, from {@code examples/schools}) are loaded by C keep-alive
 * clients each, first alone, then while H clients post a large body to a benign third school
 * (Merriott's profile again: the control), then while they post it to a third school whose allowed
 * overlay costs far more than its time budget on every request. It prints each benign school's p50
 * and p99 in each phase, the ratio of the hostile phase's p99 to the school alone and to the
 * control, the same once more with the hostile school's clients waiting as its 503s'
 * {@code Retry-After} asks, how the hostile school was answered (503s), and the
 * slowest {@code /healthz} seen by a prober polling every 100 ms throughout. Every client is a
 * {@link LoopbackClient} (a keep-alive socket, as wrk's connections). Loopback only;
 * bounded in time. Run from the repository root after {@code mvn -q -B install -DskipTests}:
 * {@code java -cp "benchmarks/target/benchmarks.jar" org.smpolicy.benchmarks.SchoolsLoad [clients] [hostile] [warm-up s] [measure s]}.
 */
public final class SchoolsLoad {

    private SchoolsLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int hostile = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int measure = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        Path trust = Files.createTempDirectory("smpolicy-schools");
        for (String s : List.of("merriott", "haselbury", "third")) {
            Path to = Files.createDirectories(trust.resolve(s));
            try (var files = Files.list(Path.of("examples/schools", s.equals("third") ? "merriott" : s))) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        Path bad = Files.createDirectories(trust.resolve("hostile"));
        Files.writeString(bad.resolve("profile.json"), "{\"profileVersion\": 1, \"name\": \"Hostile\"}");
        StringBuilder when = new StringBuilder("PublishRequest( $t : post.text, $i : images )\n    Image( ");
        for (int i = 0; i < 16; i++) {
            when.append(i == 0 ? "" : ", ").append("!$t.contains($t.strip() + id + \"").append(i).append("\")");
        }
        Files.writeString(bad.resolve("scan.drl"), "package org.school.hostile;\nimport org.smpolicy.drl.Results;\nimport org.smpolicy.model.*;\n"
                + "rule \"hostile.scan\"\n    @clause(\"7.c\")\n    @outcome(\"NOTE\")\nwhen\n    " + when + " ) from $i\nthen\n"
                + "    Results.find(kcontext, \"scanned\");\nend\n");
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            images.append(i == 0 ? "" : ",").append("{\"id\":\"img-").append(i).append("\",\"showsStudents\":false,\"peopleComplete\":true}");
        }
        String bomb = "{\"type\":\"publish\",\"account\":{\"id\":\"fb\",\"type\":\"FEDERATION\",\"sltApproved\":true},\"post\":{\"id\":\"p\",\"text\":\""
                + "a".repeat(99_000) + "\",\"author\":\"Office\"},\"images\":[" + images + "]}";
        List<String> bodies = new ArrayList<>();
        try (var files = Files.list(DecisionBenchmark.requests())) {
            for (var f : files.sorted().toList()) {
                bodies.add(Files.readString(f));
            }
        }
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        SocialMediaPolicy baseline = SocialMediaPolicy.builder().clock(clock).build();
        try (DecisionServer server = DecisionServer.start(baseline, null, "127.0.0.1", 0, null, 1 << 20)) {
            server.schools(trust, dir -> SocialMediaPolicy.builder().clock(clock).profile(dir).build());
            URI merriott = URI.create(server.url() + "/v1/schools/merriott/decide");
            URI haselbury = URI.create(server.url() + "/v1/schools/haselbury/decide");
            URI hostileUri = URI.create(server.url() + "/v1/schools/hostile/decide");
            URI thirdUri = URI.create(server.url() + "/v1/schools/third/decide");
            AtomicLong slowestHealth = new AtomicLong();
            Thread prober = new Thread(() -> probe(URI.create(server.url() + "/healthz"), slowestHealth), "prober");
            prober.setDaemon(true);
            prober.start();
            phase(List.of(merriott, haselbury), bodies, clients, warmup, Third.NONE);
            long[][] alone = phase(List.of(merriott, haselbury), bodies, clients, measure, Third.NONE);
            // The control: the same clients posting the same body to a third school that is not
            // hostile (Merriott's profile), so that what the hostile school adds is told apart
            // from what any third school's traffic costs on these cores.
            long[][] benign = phase(List.of(merriott, haselbury), bodies, clients, measure, new Third(thirdUri, hostile, bomb, new AtomicLong(), false));
            AtomicLong refused = new AtomicLong();
            long[][] beside = phase(List.of(merriott, haselbury), bodies, clients, measure, new Third(hostileUri, hostile, bomb, refused, false));
            // The same, with the hostile school's clients waiting as its 503s' Retry-After asks (as
            // HTTP says a client should): what is left above is their loop on these shared cores.
            long[][] polite = phase(List.of(merriott, haselbury), bodies, clients, measure,
                    new Third(hostileUri, hostile, bomb, new AtomicLong(), true));
            prober.interrupt();
            String[] names = {"merriott", "haselbury"};
            for (int s = 0; s < 2; s++) {
                Arrays.sort(alone[s]);
                Arrays.sort(benign[s]);
                Arrays.sort(beside[s]);
                double p99a = pct(alone[s], 0.99);
                double p99b = pct(beside[s], 0.99);
                System.out.printf("%s: alone %d requests, p50 %.2f ms, p99 %.2f ms; beside the hostile school %d requests, p50 %.2f ms,"
                        + " p99 %.2f ms; p99 ratio %.2f%n", names[s], alone[s].length, pct(alone[s], 0.5), p99a, beside[s].length,
                        pct(beside[s], 0.5), p99b, p99b / p99a);
                double p99c = pct(benign[s], 0.99);
                System.out.printf("%s: beside a benign third school with the same clients and body %d requests, p99 %.2f ms;"
                        + " p99 ratio hostile / benign third %.2f%n", names[s], benign[s].length, p99c, p99b / p99c);
                Arrays.sort(polite[s]);
                double p99p = pct(polite[s], 0.99);
                System.out.printf("%s: beside the hostile school whose clients honour Retry-After %d requests, p50 %.2f ms, p99 %.2f ms;"
                        + " p99 ratio %.2f%n", names[s], polite[s].length, pct(polite[s], 0.5), p99p, p99p / p99a);
            }
            System.out.printf("hostile school: %d answers 503 or dropped connections (stopped at its budget, its pool full, or paused); slowest /healthz %.1f ms%n",
                    refused.get(), slowestHealth.get() / 1e6);
        }
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    static void probe(URI health, AtomicLong slowest) {
        try (LoopbackClient http = new LoopbackClient(health, 5_000)) {
            while (!Thread.currentThread().isInterrupted()) {
                long t = System.nanoTime();
                try {
                    http.send("GET", health.getPath(), null);
                    slowest.accumulateAndGet(System.nanoTime() - t, Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    slowest.set(Long.MAX_VALUE);
                    System.err.println("/healthz failed after " + (System.nanoTime() - t) / 1_000_000 + " ms: " + e);
                }
            }
        }
    }

    /**
     * The third school's traffic in a phase: its address, how many clients post the large body to
     * it, the count of its refusals, and whether those clients wait as its 503s' Retry-After asks.
     */
    record Third(URI uri, int clients, String body, AtomicLong refused, boolean honourRetryAfter) {
        static final Third NONE = new Third(null, 0, null, null, false);
    }

    static long[][] phase(List<URI> schools, List<String> bodies, int clients, int seconds, Third third) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients * schools.size() + third.clients());
        List<List<Future<long[]>>> results = new ArrayList<>();
        for (URI school : schools) {
            List<Future<long[]>> mine = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                mine.add(pool.submit(() -> client(school, bodies, offset, end, null)));
            }
            results.add(mine);
        }
        List<Future<long[]>> bad = new ArrayList<>();
        for (int c = 0; c < third.clients(); c++) {
            bad.add(pool.submit(() -> client(third.uri(), List.of(third.body()), 0, end, third)));
        }
        long[][] out = new long[schools.size()][];
        for (int s = 0; s < schools.size(); s++) {
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : results.get(s)) {
                all.add(f.get());
            }
            out[s] = all.stream().flatMapToLong(Arrays::stream).toArray();
        }
        for (Future<long[]> f : bad) {
            f.get();
        }
        pool.shutdown();
        return out;
    }

    /**
     * One keep-alive client posting {@code bodies} in turn until {@code end}.
     *
     * @param third null for a benign school's client, whose every answer must be 200 and is timed;
     *              else the third school's traffic, whose answers are only counted
     * @return the latencies of a benign school's answers, in nanoseconds
     */
    static long[] client(URI uri, List<String> bodies, int offset, long end, Third third) throws Exception {
        List<byte[]> raw = bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
        ServiceLoad.Latencies lat = new ServiceLoad.Latencies();
        try (LoopbackClient http = new LoopbackClient(uri)) {
            for (int i = offset; System.nanoTime() < end; i++) {
                long t = System.nanoTime();
                int status;
                try {
                    status = http.send("POST", uri.getPath(), raw.get(i % raw.size()));
                } catch (java.io.IOException e) {
                    if (third == null) {
                        throw e;
                    }
                    // a paused school answers 503 before reading the body and drops the connection
                    third.refused().incrementAndGet();
                    continue;
                }
                if (third != null) {
                    if (status == 503) {
                        third.refused().incrementAndGet();
                        if (third.honourRetryAfter() && http.retryAfter() > 0) {
                            Thread.sleep(Math.min(http.retryAfter() * 1000L, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
                        }
                    }
                    continue;
                }
                if (status != 200) {
                    throw new IllegalStateException("status " + status + " from " + uri);
                }
                lat.add(System.nanoTime() - t);
            }
        }
        return lat.all();
    }
}
