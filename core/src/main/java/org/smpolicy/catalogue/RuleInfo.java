package org.smpolicy.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smpolicy.decision.RuleEffect;

/**
 * A rule of the loaded rule base, as traceability reports show it.
 *
 * @param id             the rule's stable id (its DRL name)
 * @param packageName    the DRL package it lives in
 * @param clauses        the clauses its {@code @clause} metadata cites
 * @param outcome        its {@code @outcome} metadata: DENY, REVIEW, ADVICE, NOTE or OBLIGATION
 * @param source         {@code baseline}, or the overlay file that added it
 * @param disabledReason why a school profile disabled it, when it did
 */
public record RuleInfo(String id, String packageName, List<String> clauses, String outcome, String source,
                       Optional<String> disabledReason) {

    /** Validates and copies. */
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packageName, "packageName");
        clauses = List.copyOf(clauses);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(disabledReason, "disabledReason");
    }

    /** @return what the rule does, when its {@code @outcome} names a {@link RuleEffect} */
    public Optional<RuleEffect> effect() {
        return RuleEffect.parse(outcome);
    }

    /**
     * @param treatment how the catalogue treats a clause
     * @return whether this rule, by its effect, carries out that treatment
     */
    public boolean carriesOut(org.smpolicy.catalogue.Treatment treatment) {
        return effect().map(treatment::carriedOutBy).orElse(false);
    }

    /** @return whether the rule takes part in decisions */
    public boolean enabled() {
        return disabledReason.isEmpty();
    }
}
