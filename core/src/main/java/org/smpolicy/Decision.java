package org.smpolicy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one request: the combined outcome and everything that led to it.
 *
 * <pre>{@code
 * Decision d = policy.decide(request);
 * if (d.outcome() == Outcome.DENY) {
 *     d.findings().forEach(f -> System.out.println(f.clause() + ": " + f.message()));
 * }
 * }</pre>
 *
 * @param outcome       deny-overrides combination of the findings
 * @param findings      what the rules found, DENY first, then REVIEW, ADVICE and NOTE
 * @param obligations   duties with owners and deadlines, earliest first
 * @param requestType   the request type, as named in JSON ({@code publish}, {@code engagement}, ...)
 * @param policyVersion the version of the rule base that decided
 * @param profile       the school profile whose rules decided, or {@code baseline}
 */
public record Decision(Outcome outcome, List<Finding> findings, List<Obligation> obligations,
                       String requestType, String policyVersion, String profile) {

    /** Validates, copies and checks that the outcome follows from the findings. */
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
        obligations = List.copyOf(obligations);
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(profile, "profile");
        Outcome combined = combine(findings);
        if (combined.compareTo(outcome) > 0) {
            throw new IllegalArgumentException("outcome `" + outcome + "` is more permissive than its findings (" + combined + ")");
        }
    }

    /**
     * Combines the effects of findings, deny-overrides.
     *
     * @param findings the findings
     * @return {@code DENY} if any finding denies, else {@code REVIEW} if any asks for review, else {@code ALLOW}
     */
    public static Outcome combine(List<Finding> findings) {
        Outcome o = Outcome.ALLOW;
        for (Finding f : findings) {
            o = o.and(f.outcome().outcome());
        }
        return o;
    }

    /**
     * @param clause a clause id
     * @return whether a finding or an obligation cites the clause
     */
    public boolean cites(String clause) {
        return findings.stream().anyMatch(f -> f.clauses().contains(clause))
                || obligations.stream().anyMatch(o -> o.clauses().contains(clause));
    }

    /**
     * @param rule a rule id
     * @return the first finding produced by that rule
     */
    public Optional<Finding> finding(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst();
    }

    /**
     * @return whether the outcome is {@link Outcome#ALLOW}
     */
    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
