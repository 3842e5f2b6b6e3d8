package org.smpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Decision;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;

/** A warm-up decides what it was given, mixes in generated requests, logs nothing, and stops on failures and bounds. */
class WarmUpTest {

    static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final Duration LONG = Duration.ofMinutes(5);

    static PolicyRequest sample(String name) throws Exception {
        return JsonCodec.strict().readRequest(Files.readString(Path.of("../examples/requests/" + name + ".json")));
    }

    @Test
    void decidesAsManyAsAskedAndLogsNone() throws Exception {
        AtomicInteger logged = new AtomicInteger();
        SocialMediaPolicy policy = SocialMediaPolicy.builder().decisionLog((r, d, at) -> logged.incrementAndGet()).build();
        WarmUp w = WarmUp.run(policy, List.of(sample("follow-pupil-personal-account"), sample("comment-saturday")), 40, LONG);
        assertThat(w.decisions()).isEqualTo(40);
        assertThat(w.failed()).isZero();
        assertThat(logged).hasValue(0);
        policy.decide(sample("comment-saturday"));
        assertThat(logged).as("the log itself works").hasValue(1);
    }

    @Test
    void mixesInOneGeneratedRequestInEvery32AndDecidesEverySampleInTurn() throws Exception {
        PolicyRequest a = sample("follow-pupil-personal-account");
        PolicyRequest b = sample("incident-mistake");
        PolicyRequest generated = sample("staff-departure");
        AtomicInteger generatedCount = new AtomicInteger();
        java.util.Map<String, AtomicInteger> byType = new java.util.concurrent.ConcurrentHashMap<>();
        PolicyInvariants generator = new PolicyInvariants() {
            @Override
            public PolicyRequest generate(Random random) {
                generatedCount.incrementAndGet();
                return generated;
            }

            @Override
            public Optional<String> broken(PolicyRequest request, Decision decision, LocalDate today) {
                return Optional.empty();
            }

            @Override
            public boolean protectsAChild(Decision decision) {
                return false;
            }
        };
        SocialMediaPolicy policy = org.smpolicy.rules.Policies.baseline();
        WarmUp w = WarmUp.run((r, at) -> {
            byType.computeIfAbsent(r.type(), k -> new AtomicInteger()).incrementAndGet();
            return policy.decide(r, at);
        }, Instant::now, Optional.of(generator), List.of(a, b), 320, LONG);
        assertThat(w.decisions()).isEqualTo(320);
        assertThat(generatedCount).hasValue(320 / WarmUp.GENERATED_EVERY);
        assertThat(byType.get(generated.type())).hasValue(320 / WarmUp.GENERATED_EVERY);
        // Every 32nd index is generated (31, 63, ...: all odd), so the even ones are a's and the other odd ones b's.
        assertThat(byType.get(a.type())).hasValue(160);
        assertThat(byType.get(b.type())).hasValue(150);
    }

    @Test
    void failuresAreCountedNotThrownAndAFailingRunStops() throws Exception {
        WarmUp w = WarmUp.run((r, at) -> {
            throw new IllegalStateException("cannot decide");
        }, Instant::now, Optional.empty(), List.of(sample("staff-departure")), 1_000_000, LONG);
        assertThat(w.failed()).isEqualTo(w.decisions());
        assertThat(w.decisions()).isBetween((long) WarmUp.MOST_FAILURES_IN_A_ROW, (long) WarmUp.MOST_FAILURES_IN_A_ROW * CORES);
    }

    @Test
    void theTimeLimitAndAnInterruptStopARunThatWouldNotEnd() throws Exception {
        SocialMediaPolicy policy = org.smpolicy.rules.Policies.baseline();
        List<PolicyRequest> one = List.of(sample("comment-saturday"));
        WarmUp timed = WarmUp.run(policy, one, Integer.MAX_VALUE, Duration.ofMillis(300));
        assertThat(timed.decisions()).isPositive().isLessThan(Integer.MAX_VALUE);
        java.util.concurrent.atomic.AtomicReference<WarmUp> result = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean flagKept = new java.util.concurrent.atomic.AtomicBoolean();
        Thread caller = new Thread(() -> {
            result.set(WarmUp.run(policy, one, Integer.MAX_VALUE, WarmUp.MAX_TIME));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        Thread.sleep(200);
        caller.interrupt();
        caller.join(30_000);
        assertThat(caller.isAlive()).as("an interrupted warm-up returns").isFalse();
        assertThat(result.get().decisions()).isPositive();
        assertThat(flagKept).as("the interrupt is kept for the caller").isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).as("no worker outlives the call")
                .noneMatch(t -> t.getName().startsWith("smpolicy-warm-up-") && t.isAlive());
    }

    @Test
    void boundsAreKept() throws Exception {
        SocialMediaPolicy policy = org.smpolicy.rules.Policies.baseline();
        List<PolicyRequest> one = List.of(sample("comment-saturday"));
        assertThat(WarmUp.run(policy, one, 1_000, Duration.ZERO).decisions()).isZero();
        assertThat(WarmUp.run(policy, one, 0, LONG).decisions()).isZero();
        assertThatThrownBy(() -> WarmUp.run(policy, one, -1, LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WarmUp.run(policy, one, 1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        // Past the bound, refused in one line rather than overflowing.
        assertThatThrownBy(() -> WarmUp.run(policy, one, 1, Duration.ofDays(365L * 400))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 0 to 10 minutes");
    }
}
