package org.smpolicy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A circuit breaker for one school's overlay: after {@value #TRIP} decisions in a row ran past
 * their time budget, the school's new decisions are answered fail-closed at once, without running,
 * for a cool-down of 20 budgets (1 s to 60 s). Each stopped decision still held a thread of the
 * school's pool until its budget ran out; a school whose overlay is too slow for every request
 * would otherwise keep half the machine busy, and its neighbours' response times with it. After the
 * cool-down decisions run again: the first that runs past its budget opens the breaker again, one
 * that finishes closes it.
 */
final class Breaker {

    /** Overruns in a row that open the breaker. */
    static final int TRIP = 3;

    private final AtomicInteger overrunsInARow = new AtomicInteger();
    private final long coolDownNanos;
    private volatile long openUntil;
    private volatile boolean everOpened;

    Breaker(Duration budget) {
        Duration cool = budget.multipliedBy(20);
        cool = cool.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : cool.compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : cool;
        this.coolDownNanos = cool.toNanos();
    }

    /** @return whether new decisions are refused now */
    boolean open() {
        return everOpened && System.nanoTime() - openUntil < 0;
    }

    /** @return the cool-down, for the refusal's message */
    Duration coolDown() {
        return Duration.ofNanos(coolDownNanos);
    }

    /** A decision ran past its budget. */
    void overran() {
        if (overrunsInARow.incrementAndGet() >= TRIP) {
            openUntil = System.nanoTime() + coolDownNanos;
            everOpened = true;
        }
    }

    /** A decision finished within its budget. */
    void finished() {
        overrunsInARow.set(0);
    }
}
