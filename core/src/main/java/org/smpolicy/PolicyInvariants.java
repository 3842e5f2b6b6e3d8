package org.smpolicy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import org.smpolicy.decision.Decision;
import org.smpolicy.model.PolicyRequest;

/**
 * What no school profile may ever allow, for one policy's rules module. A rules module offers it
 * as a {@link java.util.ServiceLoader} service ({@code META-INF/services/org.smpolicy.PolicyInvariants});
 * every load of a school profile (builder, {@code --school}, serve, reload) and {@code smpolicy check}
 * hold the profile's rule base to it on generated requests, and compare it with the baseline.
 * Core knows no clause: the invariants and the requests that exercise them belong to the policy.
 */
public interface PolicyInvariants {

    /**
     * @param loader where the rules module is
     * @return the invariants the rules module offers, if it offers any
     */
    static Optional<PolicyInvariants> on(ClassLoader loader) {
        return java.util.ServiceLoader.load(PolicyInvariants.class, loader).findFirst();
    }

    /**
     * @param random a seeded source: the same seed gives the same requests
     * @return one request of a mix of types, with unknown answers among the values
     */
    PolicyRequest generate(Random random);

    /**
     * @param request a request
     * @param decision the decision a school's rule base gave it
     * @param today the decision date, for ages
     * @return the invariant the decision breaks, in words, or empty when it breaks none
     */
    Optional<String> broken(PolicyRequest request, Decision decision, LocalDate today);

    /**
     * Whether a decision protects a child, so that a change making it more permissive must be
     * looked at before it ships ({@code smpolicy impact} exits 1 then).
     *
     * @param decision a decision
     * @return whether it protects a child
     */
    boolean protectsAChild(Decision decision);

    /**
     * Whether a profile that declares a relaxation of a parameter (such as {@code linkAllowList})
     * may thereby silence a rule: the profile check then does not ask for the rule to be declared
     * as well. The rules know which of their rules read which parameter; the library does not.
     *
     * @param rule      a rule id
     * @param parameter a relaxable parameter of the profile
     * @return whether relaxing the parameter may silence the rule; false unless a policy says so
     */
    default boolean relaxedBy(String rule, String parameter) {
        return false;
    }
}
