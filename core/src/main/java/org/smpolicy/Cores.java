package org.smpolicy;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many decisions on callers' threads are evaluated at once in this JVM: at most one per core,
 * however many threads ask. A decision uses no I/O, so more of them at once than cores only
 * time-slice, and each brings its own session's memory into the caches. On 2 cores, 8 threads
 * reading, deciding and writing the sample requests in-process made 14,000 to 31,000 decisions/s
 * between 10 and 25 s from start with the bound against 7,000 to 10,000 without, and JMH's
 * sixteen threads 12,403 against 6,483/s (one fork, wide error; docs/performance.md). Measured up
 * to 16 threads; far more waiting threads may time out and run without a place, as below.
 *
 * <p>The bound is a throughput aid, not a limit that refuses work: a decision waits at most
 * {@link #WAIT_MS} for a place and then runs without one. Decisions on threads the library already
 * bounds take no place: a school's overlay decisions run on the school's own pool, and a place
 * held by an overlay running up to its budget made the other schools wait (SchoolsLoad: their p99
 * beside a hostile school rose from 2.3x to 3.2x of alone); bulk deciding runs on a
 * {@link PoolThread} pool per decider, one thread per core (the service has one decider per
 * school, and at most {@code MAX_BULK_AT_ONCE} bulk requests). One instance for the whole JVM,
 * since the cores are shared by every school.
 */
final class Cores {

    /** Longest a decision waits for a place before it runs anyway. */
    static final long WAIT_MS = 10;

    /** The places of every policy in this JVM. */
    static final Cores JVM = new Cores(Math.max(1, Runtime.getRuntime().availableProcessors()), WAIT_MS);

    private final Semaphore places;
    private final long waitMs;

    Cores(int places, long waitMs) {
        this.places = new Semaphore(places);
        this.waitMs = waitMs;
    }

    /**
     * A thread of a pool the library sized to the cores itself (a bulk decider's): its decisions
     * are bounded by the pool and take no place. When they took places, a bulk run held them between
     * two of its lines, and single decisions beside it waited: p90 0.34 and 0.43 ms, p99 1.0 and
     * 2.9 ms, against 0.22 and 0.21 ms, 0.7 and 0.3 ms without (two interleaved pairs, 2,000
     * decisions each beside {@code decide --jsonl} of the sample mix).
     */
    static final class PoolThread extends Thread {
        PoolThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }

    /**
     * Waits for a place, at most the wait; a {@link PoolThread} takes none.
     *
     * @return whether a place was taken; pass it to {@link #leave(boolean)}
     */
    boolean enter() {
        if (Thread.currentThread() instanceof PoolThread) {
            return false;
        }
        if (places.tryAcquire()) {
            return true;
        }
        try {
            return places.tryAcquire(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // The caller's thread was interrupted while it waited: it keeps the interrupt for the
            // caller to see, and runs without a place rather than fail a decision it can make.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return places free now (for tests: a decision that failed must leave its place) */
    int free() {
        return places.availablePermits();
    }

    /** @param entered what {@link #enter()} returned */
    void leave(boolean entered) {
        if (entered) {
            places.release();
        }
    }
}
