package org.smpolicy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.smpolicy.drl.DecisionContext;
import org.smpolicy.drl.Parameters;
import org.smpolicy.Decision;
import org.smpolicy.Finding;
import org.smpolicy.Obligation;
import org.smpolicy.PolicyException;
import org.smpolicy.PolicyLoadException;
import org.smpolicy.RuleInfo;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.drl.PolicyInvariants;
import org.smpolicy.profile.ProfileCheck;
import org.smpolicy.profile.SchoolProfile;

/**
 * Runs requests against a rule base. Internal: hosts use {@code SocialMediaPolicy}, which wraps
 * this class; it is public only because the facade lives in another package.
 */
public final class RuleEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleEngine.class);

    /** Most rule firings one decision may take before it is stopped as a runaway. */
    static final int MAX_FIRINGS = 10_000;

    /** Generated requests every profile load holds the profile to (`check` uses more). */
    static final int LOAD_CHECK_REQUESTS = 400;
    static final long LOAD_CHECK_SEED = 20261125L;

    private final ClassLoader loader;
    private final Clock clock;
    private final ClauseCatalogue catalogue;
    private final KieContainer container;
    private final WorkingCalendar baseCalendar;
    private final Parameters baseParameters;
    private final AtomicReference<RuleBase> ruleBase = new AtomicReference<>();

    private RuleEngine(ClassLoader loader, Clock clock, ClauseCatalogue catalogue, KieContainer container,
                       WorkingCalendar calendar, Parameters parameters) {
        this.loader = loader;
        this.clock = clock;
        this.catalogue = catalogue;
        this.container = container;
        this.baseCalendar = calendar;
        this.baseParameters = parameters;
    }

    /**
     * Loads the baseline rule base named by the catalogue from the class path, applies a school
     * profile if one is given, and checks everything before it is used.
     *
     * @param loader     where to find the rules module
     * @param clock      the clock decisions read "now" from
     * @param calendar   the working calendar (a profile adds its zone and closure days)
     * @param parameters the parameters (a profile replaces them)
     * @param profile    the school profile, or {@code null} for the baseline
     * @return the engine
     * @throws PolicyLoadException listing every problem as {@code file:line: message}
     */
    public static RuleEngine load(ClassLoader loader, Clock clock, WorkingCalendar calendar, Parameters parameters,
                                  SchoolProfile profile) {
        ClauseCatalogue catalogue = ClauseCatalogue.fromClasspath(loader);
        KieContainer container = KieServices.get().getKieClasspathContainer(loader);
        RuleEngine engine = new RuleEngine(loader, Objects.requireNonNull(clock), catalogue, container, calendar, parameters);
        engine.ruleBase.set(engine.build(profile));
        return engine;
    }

    /**
     * Builds and checks the rule base for a profile beside the one in use, then swaps it in
     * atomically. Decisions already running finish on the old rule base; a profile with any
     * problem throws and leaves the old rule base deciding.
     *
     * @param profile the new profile, or {@code null} for the baseline
     * @throws PolicyLoadException listing every problem
     */
    public void reload(SchoolProfile profile) {
        ruleBase.set(build(profile));
    }

    private RuleBase build(SchoolProfile profile) {
        KieBase baseline;
        try {
            baseline = container.getKieBase(catalogue.kieBase());
        } catch (RuntimeException e) {
            throw new PolicyException("cannot load the rule base `" + catalogue.kieBase() + "`: " + e.getMessage(), e);
        }
        List<RuleInfo> baselineRules = RuleBase.describe(baseline.getKiePackages(), Map.of(), Map.of());
        List<String> problems = new ArrayList<>(Validation.metadataProblems(baselineRules, catalogue, "baseline"));
        if (profile == null) {
            if (!problems.isEmpty()) {
                throw new PolicyLoadException(problems);
            }
            return new RuleBase(baseline, Map.of(), Map.of(), baseCalendar, baseParameters, catalogue.version(), "baseline");
        }
        Set<String> baselineIds = new HashSet<>();
        baselineRules.forEach(r -> baselineIds.add(r.id()));
        Map<String, String> sources = new HashMap<>();
        List<Overlays.Parsed> parsed = new ArrayList<>();
        problems.addAll(Overlays.check(profile.overlays(), catalogue, baselineIds, sources, parsed));
        Map<String, String> outcomes = new HashMap<>();
        baselineRules.forEach(r -> outcomes.put(r.id(), r.outcome()));
        for (Overlays.Parsed p : parsed) {
            for (var r : p.descr().getRules()) {
                var o = r.getAnnotation("outcome");
                outcomes.put(r.getName(), o == null ? "" : Overlays.annotationValue(o));
            }
        }
        problems.addAll(Validation.profileProblems(profile, outcomes));
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        KieBase kieBase = baseline;
        if (!parsed.isEmpty()) {
            Collection<KiePackage> packages = Overlays.compile(profile.name(), parsed, loader);
            // An independent copy: the classpath KieBase is a JVM-wide singleton shared by every policy.
            kieBase = container.newKieBase(catalogue.kieBase(), null);
            ((org.drools.base.RuleBase) kieBase).addPackages(packages);
        }
        WorkingCalendar calendar = baseCalendar.withZone(profile.timeZone()).withClosures(profile.closureDays());
        if (profile.holidays().isPresent()) {
            calendar = calendar.withHolidays(profile.holidays().get());
        }
        Parameters parameters = new Parameters(profile.responseWindow(), profile.linkAllowList(), profile.linkDenyList());
        RuleBase school = new RuleBase(kieBase, sources, profile.disabled(), calendar, parameters,
                catalogue.version(), profile.name());
        // Every load, not only `check`, holds the profile to the child-protection invariants: a
        // profile that `check` fails never decides.
        RuleBase base = new RuleBase(baseline, Map.of(), Map.of(), baseCalendar, baseParameters, catalogue.version(), "baseline");
        Instant now = clock.instant();
        Optional<PolicyInvariants> invariants = ProfileCheck.invariantsOn(loader);
        if (invariants.isPresent()) {
            List<String> broken;
            try {
                broken = new ProfileCheck(r -> decide(base, r, now), r -> decide(school, r, now), profile,
                        calendar.localDate(now), invariants.get()).run(LOAD_CHECK_REQUESTS, LOAD_CHECK_SEED);
            } catch (PolicyLoadException e) {
                throw e;
            } catch (PolicyException e) {
                // A rule that cannot evaluate a valid request would fail decisions: refuse the profile instead.
                throw new PolicyLoadException(List.of(profile.where("name") + ": the profile's rules fail on a generated request: "
                        + e.getMessage().replace('\n', ' ')));
            }
            if (!broken.isEmpty()) {
                throw new PolicyLoadException(broken);
            }
        } else {
            LOG.warn("the rules module offers no PolicyInvariants: profile `{}` is loaded without an invariant check", profile.name());
        }
        return school;
    }

    /** @return the clause catalogue */
    public ClauseCatalogue catalogue() {
        return catalogue;
    }

    /** @return every rule of the rule base in use, with its clauses and whether it is enabled */
    public List<RuleInfo> rules() {
        return ruleBase.get().rules();
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the working calendar of the rule base in use */
    public WorkingCalendar calendar() {
        return ruleBase.get().calendar();
    }

    /** @return the name of the profile in use, or {@code baseline} */
    public String profile() {
        return ruleBase.get().profile();
    }

    /**
     * Decides one request, wholly on the rule base in use when it starts.
     *
     * @param request the request
     * @return the decision
     */
    public Decision decide(PolicyRequest request) {
        return decide(request, clock.instant());
    }

    /**
     * Decides one request as at an instant, wholly on the rule base in use when it starts.
     *
     * @param request the request
     * @param at      the decision instant ("now" for ages, consent expiry and deadlines)
     * @return the decision
     */
    public Decision decide(PolicyRequest request, Instant at) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(at, "at");
        RuleBase base = ruleBase.get();
        Decision d = decide(base, request, at);
        return d.withChange(Validity.change(request, d, at, base.calendar().zone(), later -> decide(base, request, later)));
    }

    private static Decision decide(RuleBase base, PolicyRequest request, Instant now) {
        DecisionContext ctx = new DecisionContext(now, base.calendar().localDate(now), base.calendar(), base.parameters());
        Inputs.check(request, ctx.today());
        Set<Finding> findings = new LinkedHashSet<>();
        Set<Obligation> obligations = new LinkedHashSet<>();
        KieSession session = base.pool().newKieSession();
        try {
            session.insert(ctx);
            for (Object fact : request.facts()) {
                session.insert(fact);
            }
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
        return new Decision(Decision.combine(f), f, o, request.type(), base.version(), base.profile(), base.calendar().zone(),
                Optional.empty());
    }
}
