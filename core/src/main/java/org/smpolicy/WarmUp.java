package org.smpolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.smpolicy.decision.Decision;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;

/**
 * A warm-up of a policy, and what it did: how many decisions it made, how many of them failed (a
 * sample the policy cannot decide is skipped, not thrown), and how long it took.
 *
 * <pre>{@code
 * WarmUp w = WarmUp.run(policy, mySamples, 100_000, Duration.ofSeconds(10));   // before taking traffic
 * }</pre>
 *
 * <p>Why: a fresh JVM decides several times slower than a warm one until its compiler
 * has compiled the engine, which on 2 cores takes tens of thousands of decisions (the service's
 * rate rose from about 1,250 to 13,400 requests/s over its first 50 s; docs/performance.md). A
 * host that warms up before it takes traffic serves its first users at the warm rate.
 *
 * @param decisions decisions made, failed ones included
 * @param failed    decisions that failed and were skipped
 * @param took      how long it took
 */
public record WarmUp(long decisions, long failed, Duration took) {

    /**
     * Decisions enough for the compiler on 2 cores: the service's own warm-up makes at most this
     * many (about 60,000 to 77,000 fitted into 10 s on this project's 2-core machine).
     */
    public static final int DECISIONS = 100_000;

    /** Every how many decisions one of the rules' generated requests is decided, to reach rules the samples do not. */
    static final int GENERATED_EVERY = 8;
    /** Failures in a row after which a warm-up stops: whatever fails that often warms nothing. */
    static final int MOST_FAILURES_IN_A_ROW = 100;

    /** @throws IllegalArgumentException when a count or the time is negative */
    public WarmUp {
        if (decisions < 0 || failed < 0 || failed > decisions) {
            throw new IllegalArgumentException("decisions and failed must be 0 or more, failed at most decisions");
        }
        Objects.requireNonNull(took, "took");
    }

    /**
     * Decides {@code samples} in turn, with every {@link #GENERATED_EVERY}th a request the rules
     * generate (when they offer a generator), through the JSON a JSON host reads and writes, on one
     * thread per core, unlogged, until {@code most} decisions or {@code limit}. Real decisions
     * made meanwhile go first: the warm-up's threads take no place among the cores. {@code smpolicy
     * serve} does this before {@code /readyz} says ready. Blocks; stops early when interrupted.
     *
     * @param policy  the policy to warm up
     * @param samples requests like the host's own; may be empty (then only generated ones)
     * @param most    most decisions to make
     * @param limit   longest to take
     * @return what was done
     * @throws IllegalArgumentException when {@code most} or {@code limit} is negative
     */
    public static WarmUp run(SocialMediaPolicy policy, List<PolicyRequest> samples, int most, Duration limit) {
        RuleEngine engine = policy.engine();
        return run(engine::decide, engine.clock()::instant, PolicyInvariants.on(engine.loader()), samples, most,
                Objects.requireNonNull(limit, "limit"));
    }

    static WarmUp run(BiFunction<PolicyRequest, Instant, Decision> decide, Supplier<Instant> now, Optional<PolicyInvariants> generator,
                      List<PolicyRequest> samples, int most, Duration limit) {
        List<PolicyRequest> given = List.copyOf(Objects.requireNonNull(samples, "samples"));
        if (most < 0 || limit.isNegative()) {
            throw new IllegalArgumentException("a warm-up's decisions and time must be 0 or more");
        }
        long started = System.nanoTime();
        long end = started + Math.min(limit.toNanos(), Long.MAX_VALUE / 4);
        if (most == 0 || limit.isZero() || given.isEmpty() && generator.isEmpty()) {
            return new WarmUp(0, 0, Duration.ofNanos(System.nanoTime() - started));
        }
        JsonCodec json = JsonCodec.strict();
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            Random random = new Random(t);
            // Pool threads take no place among the cores: a real decision arriving meanwhile goes first.
            workers[t] = new Cores.PoolThread(() -> {
                int inARow = 0;
                for (long i = next.getAndIncrement(); i < most && !stop.get() && System.nanoTime() < end; i = next.getAndIncrement()) {
                    PolicyRequest r = generator.isPresent() && (given.isEmpty() || i % GENERATED_EVERY == GENERATED_EVERY - 1)
                            ? generator.get().generate(random) : given.get((int) (i % given.size()));
                    try {
                        json.writeDecision(decide.apply(json.readRequest(json.writeRequest(r)), now.get()));
                        inARow = 0;
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        if (++inARow >= MOST_FAILURES_IN_A_ROW) {
                            stop.set(true);
                        }
                    }
                    done.incrementAndGet();
                }
            }, "smpolicy-warm-up-" + t);
            workers[t].start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
        }
        return new WarmUp(done.get(), failed.get(), Duration.ofNanos(System.nanoTime() - started));
    }
}
