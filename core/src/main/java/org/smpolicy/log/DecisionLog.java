package org.smpolicy.log;

import java.time.Instant;
import org.smpolicy.decision.Decision;
import org.smpolicy.model.PolicyRequest;

/**
 * Receives every decision a policy makes, when the host switches it on with
 * {@code SocialMediaPolicy.builder().decisionLog(log)}. Implementations must be thread-safe and
 * must not record personal data unless the host asked for it. A failing log never fails a
 * decision: the policy reports the failure through SLF4J and goes on.
 */
@FunctionalInterface
public interface DecisionLog {

    /**
     * @param request  the request that was decided
     * @param decision the decision
     * @param at       when it was decided, by the policy's clock
     */
    void record(PolicyRequest request, Decision decision, Instant at);
}
