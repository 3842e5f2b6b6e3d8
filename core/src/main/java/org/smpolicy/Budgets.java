package org.smpolicy;

import java.util.Objects;

/**
 * What a decision under a school's overlay may cost: its time, and how many of the school's
 * decisions run at once (the school's own pool, with a bounded queue).
 *
 * @param decisionTime the longest a decision may take before it is stopped and answered fail-closed
 * @param threads      the size of each school's pool
 */
record Budgets(java.time.Duration decisionTime, int threads) {
    /**
     * 250 ms a decision; half the cores for each school (at least one thread): a school whose
     * overlay runs on past its budget can hold at most half the machine, whatever its load.
     */
    static final Budgets DEFAULT = new Budgets(java.time.Duration.ofMillis(250),
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    /** Validates. */
    Budgets {
        Objects.requireNonNull(decisionTime, "decisionTime");
        if (decisionTime.isNegative() || decisionTime.isZero() || decisionTime.compareTo(java.time.Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("decision time budget `" + decisionTime + "` must be above 0 and at most 10 minutes");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads per school `" + threads + "` must be 1 to 256");
        }
    }
}
