package org.smpolicy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.rules.FederationInvariants;
import org.smpolicy.rules.Policies;

/** One policy under four threads gives exactly the decisions one thread gives. */
class ConcurrencyTest {

    @Test
    void manyThreadsDecideExactlyAsOneThreadDoes() throws Exception {
        SocialMediaPolicy policy = Policies.baseline();
        Random random = new Random(42);
        List<PolicyRequest> requests = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            requests.add(FederationInvariants.request(random));
        }
        List<Decision> expected = requests.stream().map(policy::decide).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < requests.size(); i++) {
                        int k = (i + offset * 1_250) % requests.size();
                        assertThat(policy.decide(requests.get(k))).isEqualTo(expected.get(k));
                        checked++;
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(20_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
