package org.smpolicy.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.WarmUp;
import org.smpolicy.model.PolicyRequest;

/**
 * A service's warm-up on a thread of its own: the main policy first, with the most decisions, then
 * each school served with a tenth, all within one time limit; the schools say "warming" meanwhile.
 */
final class Warming {

    final Thread thread;
    final CompletableFuture<WarmUp> done = new CompletableFuture<>();

    Warming(Schools schools, List<PolicyRequest> samples, Duration limit) {
        long started = System.nanoTime();
        long end = started + limit.toNanos();
        schools.warming(true);
        this.thread = new Thread(() -> {
            long decisions = 0;
            long failed = 0;
            try {
                List<SocialMediaPolicy> all = new ArrayList<>(List.of(schools.main.policy));
                schools.serving().values().forEach(sc -> all.add(sc.policy));
                for (int i = 0; i < all.size() && !Thread.currentThread().isInterrupted(); i++) {
                    long left = Math.max(0, end - System.nanoTime());
                    WarmUp w = WarmUp.run(all.get(i), samples, i == 0 ? WarmUp.DECISIONS : WarmUp.DECISIONS / 10,
                            Duration.ofNanos(i == 0 ? left : Math.min(left, limit.toNanos() / 10)));
                    decisions += w.decisions();
                    failed += w.failed();
                }
            } finally {
                schools.warming(false);
                done.complete(new WarmUp(decisions, failed, Duration.ofNanos(System.nanoTime() - started)));
            }
        }, "smpolicy-warm-up");
        thread.setDaemon(true);
    }
}
