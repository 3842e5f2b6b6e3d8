package org.smpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.rules.Policies;

/** The engine gives back every place among the cores it takes, whether a decision ends or fails. */
class PlacesTest {

    static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Test
    void decisionsThatEndOrFailOnManyThreadsLeaveEveryPlaceFree() throws Exception {
        SocialMediaPolicy policy = Policies.baseline();
        String follow = Files.readString(Path.of("../examples/requests/follow-pupil-personal-account.json"));
        PolicyRequest fine = JsonCodec.strict().readRequest(follow);
        // A birth date after the decision date is refused inside the engine, after the place is taken.
        PolicyRequest refused = JsonCodec.strict().readRequest(follow.replace("2011-03-14", "2099-03-14"));
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        policy.decide(fine);
                        assertThatThrownBy(() -> policy.decide(refused)).isInstanceOf(InvalidRequestException.class);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        // Other tests in this JVM may be deciding: a place they hold comes back, a leaked one never does.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Cores.JVM.free() < CORES && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(Cores.JVM.free()).isEqualTo(CORES);
    }
}
