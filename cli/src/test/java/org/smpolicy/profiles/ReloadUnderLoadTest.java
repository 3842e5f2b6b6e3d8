package org.smpolicy.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.model.PublishRequest;

/**
 * Reloads alternate between the two schools while four threads decide. Every decision must come
 * wholly from one rule base: the decision names its profile, and must equal exactly what that
 * profile decides on its own (Merriott reviews press photos and fires its local rule; Haselbury
 * allows them and has the tone advice switched off).
 */
class ReloadUnderLoadTest {

    @Test
    void everyDecisionComesWhollyFromTheOldOrTheNewRuleBase() throws Exception {
        PublishRequest request = Profiles.pressPhoto();
        Map<String, Decision> expected = Map.of(
                "Merriott Primary School", Profiles.policy(Profiles.MERRIOTT).checkPublish(request),
                "Haselbury Primary School", Profiles.policy(Profiles.HASELBURY).checkPublish(request));
        assertThat(expected.get("Merriott Primary School")).isNotEqualTo(expected.get("Haselbury Primary School"));

        SocialMediaPolicy policy = Profiles.policy(Profiles.MERRIOTT);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<int[]>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                int[] seen = new int[2];
                for (int i = 0; i < 2_000 || running.get() && i < 200_000; i++) {
                    Decision d = policy.checkPublish(request);
                    assertThat(d).isEqualTo(expected.get(d.profile()));
                    seen[d.profile().startsWith("Merriott") ? 0 : 1]++;
                }
                return seen;
            }));
        }
        for (int reload = 0; reload < 20; reload++) {
            policy.reload(reload % 2 == 0 ? Profiles.HASELBURY : Profiles.MERRIOTT);
        }
        running.set(false);
        int merriott = 0;
        int haselbury = 0;
        for (Future<int[]> w : workers) {
            int[] seen = w.get(5, TimeUnit.MINUTES);
            merriott += seen[0];
            haselbury += seen[1];
        }
        pool.shutdown();
        assertThat(merriott + haselbury).isGreaterThanOrEqualTo(8_000);
        assertThat(merriott).as("decisions under Merriott").isPositive();
        assertThat(haselbury).as("decisions under Haselbury").isPositive();
        assertThat(policy.profile()).isEqualTo("Merriott Primary School");
    }
}
