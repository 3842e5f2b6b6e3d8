package org.smpolicy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.catalogue.RuleInfo;
import org.smpolicy.drl.Parameters;
import org.smpolicy.drl.RuleMeta;

/**
 * A compiled, validated rule base with everything a decision needs besides the request: the
 * calendar, parameters, disabled rules and session pools. Immutable once built; a reload
 * builds a new one.
 */
final class RuleBase {

    private final KieBase kieBase;
    private final SessionPools pools;
    private final List<RuleInfo> rules;
    private final Set<String> disabled;
    private final WorkingCalendar calendar;
    private final Parameters parameters;
    private final String version;
    private final String profile;
    private Guard guard;
    private TimeRules.Lazy timeRules;
    private volatile Later later;

    RuleBase(KieBase kieBase, SessionPools pools, Map<String, String> ruleSources, Map<String, String> disabled,
             WorkingCalendar calendar, Parameters parameters, String version, String profile) {
        this.kieBase = Objects.requireNonNull(kieBase);
        this.pools = Objects.requireNonNull(pools);
        this.disabled = Set.copyOf(disabled.keySet());
        this.calendar = Objects.requireNonNull(calendar);
        this.parameters = Objects.requireNonNull(parameters);
        this.version = Objects.requireNonNull(version);
        this.profile = Objects.requireNonNull(profile);
        this.rules = describe(kieBase.getKiePackages(), ruleSources, disabled);
        // Parsed once here, before the rule base is shared between threads.
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(RuleBase::keepMeta));
    }

    /**
     * Keeps a rule's parsed metadata in the rule, so that a firing does not parse it again. Kept in
     * the rule itself, never in a map keyed by Rule: Drools' Rule.equals is package and name, which
     * two schools' rule bases, or a reload, may share. Rule.getMetaData() is a read-only view;
     * Drools' own rule class takes attributes at build time.
     */
    private static void keepMeta(Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
            impl.addMetaAttribute(RuleMeta.KEY, RuleMeta.read(rule));
        }
    }

    static List<RuleInfo> describe(Collection<KiePackage> packages, Map<String, String> ruleSources,
                                   Map<String, String> disabled) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage p : packages) {
            for (Rule r : p.getRules()) {
                RuleMeta meta = RuleMeta.read(r);
                out.add(new RuleInfo(r.getName(), p.getName(), meta.clauses(), meta.outcome(),
                        ruleSources.getOrDefault(r.getName(), "baseline"),
                        Optional.ofNullable(disabled.get(r.getName()))));
            }
        }
        out.sort(Comparator.comparing(RuleInfo::id));
        return List.copyOf(out);
    }

    /**
     * What a rule base with a school's overlay runs under: the baseline alone to fall back on when
     * an overlay rule fails (its findings stand), the overlay rules' clauses, the school's own
     * bounded pool (a bulkhead: one school's slow overlay cannot take another's threads) and the
     * time budget of a decision.
     */
    record Guard(RuleBase baselineOnly, Map<String, List<String>> overlayClauses,
                 java.util.concurrent.ThreadPoolExecutor pool, java.time.Duration budget, Breaker breaker) {
    }

    RuleBase guarded(Guard g) {
        this.guard = g;
        return this;
    }

    /**
     * Lets this rule base decide its requests again at later instants with only the rules that read
     * the instant ({@link TimeRules}). Only for a rule base of the baseline's own rules, and one
     * without a guard.
     */
    RuleBase sharingTime(TimeRules.Lazy rules) {
        this.timeRules = rules;
        return this;
    }

    /**
     * What decides this rule base's requests again at a later instant: a rule base of only the rules
     * that read the instant, with this one's calendar, parameters and disabled rules, and their names.
     *
     * @param base  that rule base
     * @param rules the names of its rules: every other rule's findings and duties are the same at any instant
     */
    record Later(RuleBase base, Set<String> rules) {
    }

    /** @return what decides again at a later instant, or empty to decide again in full */
    Optional<Later> later() {
        Later l = later;
        if (l != null || timeRules == null || guard != null) {
            return Optional.ofNullable(l);
        }
        Optional<TimeRules> t = timeRules.get();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        synchronized (this) {
            if (later == null) {
                Map<String, String> off = new java.util.HashMap<>();
                disabled.forEach(r -> off.put(r, ""));
                later = new Later(new RuleBase(t.get().kieBase(), t.get().pools(), Map.of(), off, calendar, parameters, version, profile),
                        t.get().names());
            }
            return Optional.of(later);
        }
    }

    /** @return the guard, or empty for the baseline and profiles without overlay rules (trusted code) */
    Optional<Guard> guard() {
        return Optional.ofNullable(guard);
    }

    /** Stops the school's pool once the rule base is no longer used (after a reload). */
    void retire() {
        if (guard != null) {
            guard.pool().shutdown();
        }
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** @return the session pool for requests of this kind */
    KieSessionsPool pool(Class<? extends org.smpolicy.model.PolicyRequest> kind) {
        return pools.of(kind);
    }

    List<RuleInfo> rules() {
        return rules;
    }

    Set<String> disabled() {
        return disabled;
    }

    WorkingCalendar calendar() {
        return calendar;
    }

    Parameters parameters() {
        return parameters;
    }

    String version() {
        return version;
    }

    String profile() {
        return profile;
    }
}
