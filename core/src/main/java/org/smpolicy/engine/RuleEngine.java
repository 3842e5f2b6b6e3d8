package org.smpolicy.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.smpolicy.Decision;
import org.smpolicy.Finding;
import org.smpolicy.Obligation;
import org.smpolicy.PolicyException;
import org.smpolicy.PolicyLoadException;
import org.smpolicy.RuleInfo;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.model.PolicyRequest;

/**
 * Runs requests against a rule base. Internal: hosts use {@code SocialMediaPolicy}, which wraps
 * this class; it is public only because the facade lives in another package.
 */
public final class RuleEngine {

    /** Most rule firings one decision may take before it is stopped as a runaway. */
    static final int MAX_FIRINGS = 10_000;

    private final Clock clock;
    private final ClauseCatalogue catalogue;
    private final RuleBase ruleBase;

    private RuleEngine(Clock clock, ClauseCatalogue catalogue, RuleBase ruleBase) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.ruleBase = ruleBase;
    }

    /**
     * Loads the baseline rule base named by the catalogue from the class path and checks its
     * metadata against the catalogue.
     *
     * @param loader     where to find the rules module
     * @param clock      the clock decisions read "now" from
     * @param calendar   the working calendar
     * @param parameters the school's parameters
     * @param profile    the profile name decisions report
     * @return the engine
     * @throws PolicyLoadException when a rule lacks metadata or cites an unknown clause
     */
    public static RuleEngine baseline(ClassLoader loader, Clock clock, WorkingCalendar calendar,
                                      Parameters parameters, String profile) {
        ClauseCatalogue catalogue = ClauseCatalogue.fromClasspath(loader);
        KieContainer container = KieServices.get().getKieClasspathContainer(loader);
        KieBase kieBase;
        try {
            kieBase = container.getKieBase(catalogue.kieBase());
        } catch (RuntimeException e) {
            throw new PolicyException("cannot load the rule base `" + catalogue.kieBase() + "`: " + e.getMessage(), e);
        }
        RuleBase base = new RuleBase(kieBase, Map.of(), Map.of(), calendar, parameters, catalogue.version(), profile);
        List<String> problems = Validation.metadataProblems(base.rules(), catalogue, "baseline");
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        return new RuleEngine(Objects.requireNonNull(clock), catalogue, base);
    }

    /** @return the clause catalogue */
    public ClauseCatalogue catalogue() {
        return catalogue;
    }

    /** @return every rule of the rule base, with its clauses and whether it is enabled */
    public List<RuleInfo> rules() {
        return ruleBase.rules();
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the working calendar */
    public WorkingCalendar calendar() {
        return ruleBase.calendar();
    }

    /**
     * Decides one request.
     *
     * @param request the request
     * @return the decision
     */
    public Decision decide(PolicyRequest request) {
        Objects.requireNonNull(request, "request");
        RuleBase base = ruleBase;
        Instant now = clock.instant();
        DecisionContext ctx = new DecisionContext(now, base.calendar().localDate(now), base.calendar(), base.parameters());
        Set<Finding> findings = new LinkedHashSet<>();
        Set<Obligation> obligations = new LinkedHashSet<>();
        KieSession session = base.pool().newKieSession();
        try {
            session.insert(ctx);
            session.insert(request);
            Set<String> disabled = base.disabled();
            AgendaFilter filter = disabled.isEmpty() ? null : m -> !disabled.contains(m.getRule().getName());
            int fired = filter == null ? session.fireAllRules(MAX_FIRINGS) : session.fireAllRules(filter, MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new PolicyException("rule evaluation stopped after " + MAX_FIRINGS + " firings: a rule loops");
            }
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) {
                    findings.add(f);
                } else if (o instanceof Obligation ob) {
                    obligations.add(ob);
                }
            }
        } catch (PolicyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PolicyException("rule evaluation failed for a `" + request.type() + "` request: " + e, e);
        } finally {
            session.dispose();
        }
        List<Finding> f = new ArrayList<>(findings);
        f.sort(null);
        List<Obligation> o = new ArrayList<>(obligations);
        o.sort(null);
        return new Decision(Decision.combine(f), f, o, request.type(), base.version(), base.profile());
    }
}
