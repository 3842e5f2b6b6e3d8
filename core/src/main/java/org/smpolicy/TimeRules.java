package org.smpolicy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.Forall;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.smpolicy.drl.DecisionContext;

/**
 * The rules that can read the decision's instant, and a rule base of only them. A rule sees the
 * instant only through the {@link DecisionContext} fact (no rule reads a clock, and no rule
 * reasons over another's results), so the rules that match no {@code DecisionContext} decide the
 * same at every instant. Deciding a request again at a later instant ({@link Validity}) then runs
 * only these rules and keeps the others' findings and duties from the decision in hand: the same
 * decision, at a third to a half of the cost on requests with images.
 *
 * <p>Only for a rule base of the baseline's own rules (a school's profile without overlay rules
 * included): an overlay rule is the school's code, and its rule base decides again in full.
 *
 * <p>Only where that reasoning holds for every rule: a rule base with a rule that matches a result,
 * or whose rules depend on each other's firing (activation or agenda groups) or on Drools' own
 * clock (timers, calendars, effective and expiry dates), or with a global, decides again in full.
 *
 * @param kieBase the rule base of only the rules that read the instant
 * @param names   their names
 * @param pools   its session pools
 */
record TimeRules(KieBase kieBase, Set<String> names, SessionPools pools) {

    TimeRules {
        names = Set.copyOf(names);
    }

    /** Re-decisions of a rule base before its rules that read the instant are set apart: a one-shot command never pays for it. */
    static final int SET_APART_AFTER = 512;

    /**
     * The rules that read the instant, set apart once, after {@link #SET_APART_AFTER} re-decisions
     * asked for them: building the cut-down rule base takes milliseconds, many re-decisions' worth.
     * Until then, and if it cannot be built, requests are decided again in full.
     */
    static final class Lazy {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("org.smpolicy.RuleEngine");
        private final java.util.function.Supplier<KieBase> whole;
        private final java.util.function.Supplier<KieBase> copy;
        private final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicBoolean building = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile java.util.Optional<TimeRules> built;

        /**
         * @param whole the rule base the decisions are made on
         * @param copy  makes a rule network of its own of the same rules
         */
        Lazy(java.util.function.Supplier<KieBase> whole, java.util.function.Supplier<KieBase> copy) {
            this.whole = whole;
            this.copy = copy;
        }

        /** @return the rules of a classpath rule base that read the instant, set apart when asked for often enough */
        static Lazy of(org.kie.api.runtime.KieContainer container, String kieBase) {
            // The copy is a rule network of its own to cut down: the compiled rules themselves are
            // shared with the classpath KieBase, a JVM-wide singleton, and removing a rule touches only the network.
            return new Lazy(() -> container.getKieBase(kieBase), () -> container.newKieBase(kieBase, null));
        }

        /** @return the rules set apart, or empty while they are not (yet), or cannot be */
        java.util.Optional<TimeRules> get() {
            java.util.Optional<TimeRules> t = built;
            if (t != null) {
                return t;
            }
            if (asked.get() < SET_APART_AFTER && asked.incrementAndGet() <= SET_APART_AFTER) {
                return java.util.Optional.empty();
            }
            // One caller builds; the others decide in full meanwhile instead of waiting for it.
            if (!building.compareAndSet(false, true)) {
                return java.util.Optional.empty();
            }
            java.util.Optional<TimeRules> out = java.util.Optional.empty();
            try {
                out = TimeRules.of(whole.get(), copy.get());
                if (out.isEmpty()) {
                    LOG.info("the rules cannot be split by whether they read the instant, so later instants are decided in full");
                }
            } catch (VirtualMachineError e) {
                building.set(false);
                throw e;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("the rules that read the instant could not be set apart, so later instants are decided in full: {}", e.toString());
            }
            built = out;
            return out;
        }
    }

    /**
     * @param whole the rule base the decisions are made on
     * @param copy  a rule network of its own of the same rules, which is cut down to the rules that read the instant
     * @return those rules, or empty when the rule base's rules cannot be split (see above)
     */
    static java.util.Optional<TimeRules> of(KieBase whole, KieBase copy) {
        Set<String> time = new HashSet<>();
        List<String[]> others = new ArrayList<>();
        for (KiePackage p : whole.getKiePackages()) {
            if (!p.getGlobalVariables().isEmpty()) {
                return java.util.Optional.empty();
            }
            for (Rule r : p.getRules()) {
                if (!independent(r)) {
                    return java.util.Optional.empty();
                }
                if (readsInstant(r)) {
                    time.add(r.getName());
                } else {
                    others.add(new String[] {p.getName(), r.getName()});
                }
            }
        }
        for (String[] r : others) {
            copy.removeRule(r[0], r[1]);
        }
        return java.util.Optional.of(new TimeRules(copy, time, new SessionPools(copy)));
    }

    /** Whether a rule fires on its own matches alone: no group ties it to others, no Drools clock to the session's time, no result is its input. */
    static boolean independent(Rule rule) {
        if (!(rule instanceof RuleImpl impl)) {
            return false;
        }
        return (impl.getActivationGroup() == null || impl.getActivationGroup().isEmpty()) && impl.isMainAgendaGroup()
                && impl.getTimer() == null && (impl.getCalendars() == null || impl.getCalendars().length == 0)
                && impl.getDateEffective() == null && impl.getDateExpires() == null && !matchesResult(impl.getLhs());
    }

    /** Whether a rule may read the instant: it matches a fact that may be the decision context, or uses a construct not known here. */
    static boolean readsInstant(Rule rule) {
        return !(rule instanceof RuleImpl impl) || anyPattern(impl.getLhs(), t -> t.isAssignableFrom(DecisionContext.class));
    }

    private static boolean matchesResult(RuleConditionElement lhs) {
        return anyPattern(lhs, t -> t.isAssignableFrom(org.smpolicy.decision.Finding.class)
                || t.isAssignableFrom(org.smpolicy.decision.Obligation.class));
    }

    /**
     * Whether any pattern of a condition matches a fact of a type the test accepts; a pattern on a
     * type that is not a class, or a construct not known here (eval, queries, named consequences,
     * branches, windows), counts as one that does.
     */
    private static boolean anyPattern(RuleConditionElement e, java.util.function.Predicate<Class<?>> type) {
        if (e instanceof Pattern p) {
            return !(p.getObjectType() instanceof ClassObjectType c) || type.test(c.getClassType())
                    || (p.getSource() != null && anyPattern(p.getSource(), type));
        }
        if (e instanceof From || e instanceof EntryPointId) {
            // A `from` reads the declarations bound before it, whose own patterns are looked at here.
            return false;
        }
        if (e instanceof GroupElement || e instanceof Accumulate || e instanceof Collect || e instanceof Forall) {
            for (RuleConditionElement nested : e.getNestedElements()) {
                if (anyPattern(nested, type)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
