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
 * WarmUp w = WarmUp.run(policy, mySamples, WarmUp.DECISIONS, Duration.ofSeconds(10));   // before taking traffic
 * }</pre>
 *
 * <p>Why: a fresh JVM decides several times slower than a warm one until its compiler has
 * compiled the engine, which on 2 cores takes tens of thousands of decisions (the service's
 * rate rose from about 1,250 to 13,400 requests/s over its first 50 s; docs/performance.md). A
 * host that warms up before it takes traffic serves its first users at the warm rate. It is the
 * same compiling that serving would do, done before anyone waits on it, not a faster engine.
 *
 * @param decisions decisions made, failed ones included
 * @param failed    decisions that failed and were skipped
 * @param took      how long it took
 */
public record WarmUp(long decisions, long failed, Duration took) {

    /**
     * Decisions enough for the compiler on 2 cores: the service's own warm-up makes at most this
     * many (74,000 to 92,000 fitted into 10 s on this project's 2-core machine).
     */
    public static final int DECISIONS = 100_000;
    /** Longest a warm-up may be asked to take. */
    public static final Duration MAX_TIME = Duration.ofMinutes(10);
    /**
     * Every how many decisions one of the rules' generated requests is decided, to reach rules the
     * samples do not. Seldom: a generated request takes about four times a sample's time (many
     * unknown facts, so many questions). At one in 8, written and read back each time, a 10 s
     * warm-up made 49,000 to 77,000 decisions; at one in 32, with each sample written once, 74,000
     * to 92,000 (docs/performance.md).
     */
    static final int GENERATED_EVERY = 32;
    /** Failures in a row after which a warm-up stops: whatever fails that often warms nothing. */
    static final int MOST_FAILURES_IN_A_ROW = 100;

    /** @throws IllegalArgumentException when a count is negative or more fail than were made */
    public WarmUp {
        if (decisions < 0 || failed < 0 || failed > decisions) {
            throw new IllegalArgumentException("decisions and failed must be 0 or more, failed at most decisions");
        }
        Objects.requireNonNull(took, "took");
    }

    /**
     * Decides {@code samples} in turn, with every {@link #GENERATED_EVERY}th a request the rules
     * generate (when they offer a generator), read from JSON and written back as a JSON host does, on one
     * thread per core, unlogged, until {@code most} decisions or {@code limit}. A school's overlay
     * rules are not run: its decisions are made by its baseline rules with its calendar and
     * parameters, so a warm-up never spends the school's time budget nor trips its breaker, and
     * runs no school code outside its budget. The threads share the cores with real decisions
     * made meanwhile, which are then slower, not refused. {@code smpolicy serve} does this before
     * {@code /readyz} says ready. Blocks; stops early when interrupted.
     *
     * @param policy  the policy to warm up
     * @param samples requests like the host's own; may be empty (then only generated ones)
     * @param most    most decisions to make
     * @param limit   longest to take, at most {@link #MAX_TIME}
     * @return what was done
     * @throws IllegalArgumentException when {@code most} or {@code limit} is negative, or {@code limit} over {@link #MAX_TIME}
     */
    public static WarmUp run(SocialMediaPolicy policy, List<PolicyRequest> samples, int most, Duration limit) {
        RuleEngine engine = policy.engine();
        return run((r, at) -> {
            RuleBase base = engine.current();
            return engine.withValidity(base.guard().map(RuleBase.Guard::baselineOnly).orElse(base), r, at, null);
        }, engine.clock()::instant, PolicyInvariants.on(engine.loader()), samples, most, limit);
    }

    static WarmUp run(BiFunction<PolicyRequest, Instant, Decision> decide, Supplier<Instant> now, Optional<PolicyInvariants> generator,
                      List<PolicyRequest> samples, int most, Duration limit) {
        List<PolicyRequest> given = List.copyOf(Objects.requireNonNull(samples, "samples"));
        Objects.requireNonNull(limit, "limit");
        if (most < 0 || limit.isNegative() || limit.compareTo(MAX_TIME) > 0) {
            throw new IllegalArgumentException("a warm-up's decisions must be 0 or more and its time from 0 to "
                    + MAX_TIME.toMinutes() + " minutes, not " + most + " and " + limit);
        }
        long started = System.nanoTime();
        long limitNanos = limit.toNanos();
        if (most == 0 || limit.isZero() || given.isEmpty() && generator.isEmpty()) {
            return new WarmUp(0, 0, Duration.ofNanos(System.nanoTime() - started));
        }
        JsonCodec json = JsonCodec.strict();
        // Written once: each decision then reads the JSON, decides and writes, as a JSON host does.
        List<String> texts = given.stream().map(json::writeRequest).toList();
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            Random random = new Random(t);
            // Pool threads take no place among the cores: a real decision never waits for a place behind them.
            workers[t] = new Cores.PoolThread(() -> {
                int inARow = 0;
                for (long i = next.getAndIncrement(); i < most && !stop.get() && System.nanoTime() - started < limitNanos;
                     i = next.getAndIncrement()) {
                    boolean ok = true;
                    try {
                        String text = generator.isPresent() && (given.isEmpty() || i % GENERATED_EVERY == GENERATED_EVERY - 1)
                                ? json.writeRequest(generator.get().generate(random)) : texts.get((int) (i % texts.size()));
                        json.writeDecision(decide.apply(json.readRequest(text), now.get()));
                        inARow = 0;
                    } catch (RuntimeException e) {
                        ok = false;
                        if (++inARow >= MOST_FAILURES_IN_A_ROW) {
                            stop.set(true);
                        }
                    }
                    // Made before failed, and read in the other order below: never more failed than made.
                    done.incrementAndGet();
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                }
            }, "smpolicy-warm-up-" + t);
            workers[t].start();
        }
        boolean interrupted = false;
        for (Thread w : workers) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    // Stop the workers, then still wait for each to end its decision: none outlives the call.
                    interrupted = true;
                    stop.set(true);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        long f = failed.get();
        return new WarmUp(done.get(), f, Duration.ofNanos(System.nanoTime() - started));
    }
}
