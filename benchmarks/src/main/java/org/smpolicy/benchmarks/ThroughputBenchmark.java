package org.smpolicy.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.rules.FederationInvariants;

/**
 * Decisions per second on one policy from one, two and sixteen threads, over a mix of generated
 * requests. Sixteen is a host deciding on its request threads, more of them than cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThroughputBenchmark {

    @State(Scope.Benchmark)
    public static class Shared {
        SocialMediaPolicy policy;
        List<PolicyRequest> requests;

        @Setup
        public void setUp() {
            policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
            Random r = new Random(1);
            requests = java.util.stream.IntStream.range(0, 1024).mapToObj(i -> FederationInvariants.request(r)).toList();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int i;
    }

    @Benchmark
    @Threads(1)
    public Decision oneThread(Shared s, Cursor c) {
        return s.policy.decide(s.requests.get(c.i++ & 1023));
    }

    @Benchmark
    @Threads(2)
    public Decision twoThreads(Shared s, Cursor c) {
        return s.policy.decide(s.requests.get(c.i++ & 1023));
    }

    @Benchmark
    @Threads(16)
    public Decision sixteenThreads(Shared s, Cursor c) {
        return s.policy.decide(s.requests.get(c.i++ & 1023));
    }
}
