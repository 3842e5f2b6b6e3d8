package org.smpolicy.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.smpolicy.WarmUp;
import org.smpolicy.model.PolicyRequest;

/**
 * A service's warm-up on a thread of its own, with the schools saying "warming" until it ends,
 * however it ends. Only the main policy warms up: the schools' rule bases share its compiled
 * engine and baseline rules, and a warm-up runs no school's overlay rules (see {@link WarmUp#run}).
 */
final class Warming {

    final Thread thread;
    final CompletableFuture<WarmUp> done = new CompletableFuture<>();

    Warming(Schools schools, List<PolicyRequest> samples, Duration limit) {
        this.thread = new Thread(() -> {
            WarmUp result = null;
            Throwable failure = null;
            try {
                result = WarmUp.run(schools.main.policy, samples, WarmUp.DECISIONS, limit);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                schools.warming(false);
            }
            // Only once /readyz says ready: whoever waits on the warm-up then finds the service ready.
            if (failure == null) {
                done.complete(result);
            } else {
                done.completeExceptionally(failure);
            }
        }, "smpolicy-warm-up");
        thread.setDaemon(true);
    }

    /** Says "warming", then starts; a thread that cannot start leaves the service ready as before. */
    void start(Schools schools) {
        schools.warming(true);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            schools.warming(false);
            throw e;
        }
    }
}
