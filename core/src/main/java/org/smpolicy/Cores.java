package org.smpolicy;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many decisions are evaluated at once in this JVM: at most one per core, whatever the
 * number of threads asking. A decision uses no I/O, so more of them at once than cores only
 * time-slice, and each brings its own session's memory into the caches: on 2 cores, 16 threads
 * deciding at once made about half as many decisions a second as 16 threads taking turns on 2
 * places ({@code ThroughputBenchmark}, docs/performance.md). So a host may call from its request
 * threads, a servlet container's 200 for instance, without sizing a pool of its own to the cores.
 *
 * <p>The bound is a throughput aid, not a limit that refuses work: a decision waits at most
 * {@link #WAIT_MS} for a place and then runs without one. Only decisions on callers' threads take
 * places: a school's overlay decisions run on the school's own pool, bounded already, and a place
 * held by an overlay running up to its budget made the other schools wait (SchoolsLoad: their p99
 * beside a hostile school rose from 2.3x to 3.2x of alone). One instance for the whole JVM, since
 * the cores are shared by every school.
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
     * A thread of a pool the library sized to the cores itself (bulk deciding): its decisions are
     * bounded by the pool and take no place. When they took places, a bulk run held them between
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
            // A budget stopping this evaluation interrupts it: it runs without a place and sees the stop.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @param entered what {@link #enter()} returned */
    void leave(boolean entered) {
        if (entered) {
            places.release();
        }
    }
}
