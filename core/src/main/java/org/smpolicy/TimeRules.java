package org.smpolicy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
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
 * @param kieBase the rule base of only the rules that read the instant
 * @param names   their names
 */
record TimeRules(KieBase kieBase, Set<String> names) {

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
        private volatile java.util.Optional<TimeRules> built;

        /**
         * @param whole the rule base the decisions are made on
         * @param copy  makes an independent copy of it
         */
        Lazy(java.util.function.Supplier<KieBase> whole, java.util.function.Supplier<KieBase> copy) {
            this.whole = whole;
            this.copy = copy;
        }

        /** @return the rules set apart, or empty while they are not (yet) */
        java.util.Optional<TimeRules> get() {
            java.util.Optional<TimeRules> t = built;
            if (t != null) {
                return t;
            }
            if (asked.get() < SET_APART_AFTER && asked.incrementAndGet() <= SET_APART_AFTER) {
                return java.util.Optional.empty();
            }
            synchronized (this) {
                if (built == null) {
                    try {
                        built = java.util.Optional.of(TimeRules.of(whole.get(), copy.get()));
                    } catch (RuntimeException e) {
                        LOG.warn("the rules that read the instant could not be set apart, so later instants are decided in full: {}",
                                e.getClass().getSimpleName());
                        built = java.util.Optional.empty();
                    }
                }
                return built;
            }
        }
    }

    /**
     * @param whole    the rule base the decisions are made on
     * @param copy     an independent copy of it, which is cut down to the rules that read the instant
     * @return those rules
     */
    static TimeRules of(KieBase whole, KieBase copy) {
        Set<String> time = new HashSet<>();
        List<String[]> others = new ArrayList<>();
        for (KiePackage p : whole.getKiePackages()) {
            for (Rule r : p.getRules()) {
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
        return new TimeRules(copy, time);
    }

    /** Whether a rule may read the instant: it matches a fact that may be the decision context, or uses a construct not known here. */
    static boolean readsInstant(Rule rule) {
        return !(rule instanceof RuleImpl impl) || reads(impl.getLhs());
    }

    private static boolean reads(RuleConditionElement e) {
        if (e instanceof Pattern p) {
            return mayBeContext(p.getObjectType()) || (p.getSource() != null && reads(p.getSource()));
        }
        if (e instanceof From || e instanceof EntryPointId) {
            // A `from` reads the declarations bound before it, whose own patterns are looked at here.
            return false;
        }
        if (e instanceof GroupElement || e instanceof Accumulate || e instanceof Collect || e instanceof Forall) {
            for (RuleConditionElement nested : e.getNestedElements()) {
                if (reads(nested)) {
                    return true;
                }
            }
            return false;
        }
        // eval, queries, named consequences, branches, windows: may read anything.
        return true;
    }

    private static boolean mayBeContext(ObjectType type) {
        return !(type instanceof ClassObjectType c) || c.getClassType().isAssignableFrom(DecisionContext.class);
    }
}
