package org.smpolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.catalogue.RuleInfo;
import org.smpolicy.decision.Decision;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.PolicyException;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.drl.Parameters;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.overlay.Overlays;
import org.smpolicy.profile.SchoolProfile;

/**
 * Runs requests against a rule base. Internal: hosts use {@code SocialMediaPolicy}, which wraps
 * this class (package-private: nothing outside the facade reaches the engine).
 */
final class RuleEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleEngine.class);


    /**
     * Generated requests every profile load holds the profile to: the same requests, seed and
     * instants as {@code smpolicy check} by default, so a profile {@code check} refuses never decides.
     */
    public static final int LOAD_CHECK_REQUESTS = 2000;
    /** The seed of the load check's generator. */
    public static final long LOAD_CHECK_SEED = 20261125L;
    /** How far ahead of "now" the load check also decides each generated request: an overlay inert until a later date is found. */
    static final List<java.time.Period> LOAD_CHECK_LATER = List.of(java.time.Period.ofMonths(6), java.time.Period.ofYears(1),
            java.time.Period.ofYears(2), java.time.Period.ofYears(5));

    /**
     * Decisions that may wait for each thread of a school's pool. A waiting decision costs no CPU,
     * and one whose caller gave up at its budget is cancelled, never run.
     */
    static final int QUEUE_PER_THREAD = 64;
    /** How many rule bases a decision tries when reloads retire the one it read: it follows at most one fewer reloads. */
    private static final int RETIRED_RETRIES = 8;
    /** Why a decision was answered fail-closed when its school's pool had no room for it. */
    private static final String ALL_BUSY = "the school's decisions are all busy";

    /** The rule id of the finding a decision stopped by its budget carries. */
    public static final String BUDGET_RULE = Decision.BUDGET_RULE;

    private final ClassLoader loader;
    private final Clock clock;
    private final ClauseCatalogue catalogue;
    private final KieContainer container;
    private final WorkingCalendar baseCalendar;
    private final Parameters baseParameters;
    private final AtomicReference<RuleBase> ruleBase = new AtomicReference<>();
    private final Budgets budgets;
    // The baseline's rules that read the instant, set apart once for every rule base of this engine.
    private final TimeRules.Lazy timeRules;

    private RuleEngine(ClassLoader loader, Clock clock, ClauseCatalogue catalogue, KieContainer container,
                       WorkingCalendar calendar, Parameters parameters, Budgets budgets) {
        this.budgets = Objects.requireNonNull(budgets, "budgets");
        this.loader = loader;
        this.clock = clock;
        this.catalogue = catalogue;
        this.container = container;
        this.baseCalendar = calendar;
        this.baseParameters = parameters;
        this.timeRules = TimeRules.Lazy.of(container, catalogue.kieBase());
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
        return load(loader, clock, calendar, parameters, profile, Budgets.DEFAULT);
    }

    /**
     * As {@link #load(ClassLoader, Clock, WorkingCalendar, Parameters, SchoolProfile)}, with budgets.
     *
     * @param loader     where to find the rules module
     * @param clock      the clock decisions read "now" from
     * @param calendar   the working calendar
     * @param parameters the parameters
     * @param profile    the school profile, or {@code null}
     * @param budgets    what a decision under an overlay may cost
     * @return the engine
     */
    public static RuleEngine load(ClassLoader loader, Clock clock, WorkingCalendar calendar, Parameters parameters,
                                  SchoolProfile profile, Budgets budgets) {
        ClauseCatalogue catalogue = ClauseCatalogue.fromClasspath(loader);
        KieContainer container = KieServices.get().getKieClasspathContainer(loader);
        RuleEngine engine = new RuleEngine(loader, Objects.requireNonNull(clock), catalogue, container, calendar, parameters, budgets);
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
        RuleBase old = ruleBase.getAndSet(build(profile));
        old.retire();
    }

    private RuleBase build(SchoolProfile profile) {
        KieBase baseline;
        try {
            baseline = container.getKieBase(catalogue.kieBase());
        } catch (RuntimeException e) {
            throw new PolicyException("cannot load the rule base `" + catalogue.kieBase() + "`: " + e.getMessage(), e);
        }
        List<RuleInfo> baselineRules = RuleBase.describe(baseline.getKiePackages(), Map.of(), Map.of());
        List<Diagnostic> problems = new ArrayList<>(Validation.metadataProblems(baselineRules, catalogue, "baseline"));
        if (profile == null) {
            if (!problems.isEmpty()) {
                throw PolicyLoadException.of(problems);
            }
            return new RuleBase(baseline, SessionPools.shared(baseline), Map.of(), Map.of(), baseCalendar, baseParameters,
                    catalogue.version(), "baseline").sharingTime(timeRules);
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
            throw PolicyLoadException.of(problems);
        }
        KieBase kieBase = baseline;
        if (!parsed.isEmpty()) {
            Collection<KiePackage> packages = Overlays.compile(profile.name(), parsed, loader);
            // A rule network of its own: the classpath KieBase is a JVM-wide singleton shared by every policy.
            kieBase = container.newKieBase(catalogue.kieBase(), null);
            ((org.drools.base.RuleBase) kieBase).addPackages(packages);
        }
        WorkingCalendar calendar = baseCalendar.withZone(profile.timeZone()).withClosures(profile.closureDays());
        if (profile.holidays().isPresent()) {
            calendar = calendar.withHolidays(profile.holidays().get());
        }
        Parameters parameters = new Parameters(profile.responseWindow(), profile.linkAllowList(), profile.linkDenyList(),
                profile.responseWorkingDays());
        RuleBase school = new RuleBase(kieBase, parsed.isEmpty() ? SessionPools.shared(baseline) : new SessionPools(kieBase), sources,
                profile.disabled(), calendar, parameters,
                catalogue.version(), profile.name());
        if (parsed.isEmpty()) {
            school.sharingTime(timeRules);
        } else {
            Map<String, List<String>> overlayClauses = new HashMap<>();
            school.rules().stream().filter(r -> sources.containsKey(r.id())).forEach(r -> overlayClauses.put(r.id(), r.clauses()));
            RuleBase baselineOnly = new RuleBase(baseline, SessionPools.shared(baseline), Map.of(), profile.disabled(), calendar, parameters,
                    catalogue.version(), profile.name());
            String name = profile.name();
            java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(budgets.threads(),
                    budgets.threads(), 30, java.util.concurrent.TimeUnit.SECONDS,
                    new java.util.concurrent.ArrayBlockingQueue<>(QUEUE_PER_THREAD * budgets.threads()), r -> {
                        Thread t = new Thread(r, "smpolicy-school-" + Integer.toHexString(name.hashCode()));
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            school.guarded(new RuleBase.Guard(baselineOnly, Map.copyOf(overlayClauses), pool, budgets.decisionTime(),
                    new Breaker(budgets.decisionTime())));
        }
        // Every load, not only `check`, holds the profile to the child-protection invariants: a
        // profile that `check` fails never decides.
        RuleBase base = new RuleBase(baseline, SessionPools.shared(baseline), Map.of(), Map.of(), baseCalendar, baseParameters,
                catalogue.version(), "baseline");
        Instant now = clock.instant();
        Optional<PolicyInvariants> invariants = PolicyInvariants.on(loader);
        if (invariants.isPresent()) {
            ProfileCheck.Found broken;
            try {
                // Strict: an overlay rule that fails on a generated request refuses the profile here
                // (at decision time it would only leave a REVIEW), now and at later instants.
                broken = new ProfileCheck(r -> Evaluation.evaluate(base, r, now, null), r -> laterToo(school, r, now), profile,
                        calendar.localDate(now), invariants.get()).check(LOAD_CHECK_REQUESTS, LOAD_CHECK_SEED, true);
            } catch (PolicyLoadException e) {
                throw e;
            } catch (PolicyException e) {
                school.retire();
                // A rule that cannot evaluate a valid request would fail decisions: refuse the profile instead.
                throw PolicyLoadException.of(List.of(profile.problem("name", "the profile's rules fail on a generated request: "
                        + e.getMessage().replace('\n', ' '), null)));
            }
            if (!broken.problems().isEmpty()) {
                school.retire();
                // One line per kind of problem; the requests that show each are details, for --verbose.
                throw PolicyLoadException.of(broken.problems(), broken.lines());
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

    /** @return where the rules module was loaded from */
    ClassLoader loader() {
        return loader;
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

    /** @return the cool-down while the school's breaker is open; empty when its decisions run */
    Optional<java.time.Duration> paused() {
        return ruleBase.get().guard().map(RuleBase.Guard::breaker).filter(Breaker::open).map(Breaker::coolDown);
    }

    /**
     * Decides one request as at an instant, wholly on one rule base: the one in use when it starts,
     * or, when a reload retires that one before the decision could start on it, the one in its place.
     *
     * @param request the request
     * @param at      the decision instant ("now" for ages, consent expiry and deadlines)
     * @return the decision
     */
    public Decision decide(PolicyRequest request, Instant at) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(at, "at");
        return decideFrom(ruleBase.get(), request, at);
    }

    /** @return the rule base in use */
    RuleBase current() {
        return ruleBase.get();
    }

    /**
     * Decides on the rule base read at the start, or on the one a reload put in its place.
     *
     * @param read    the rule base the decision read when it started
     * @param request the request
     * @param at      the decision instant
     * @return the decision
     */
    Decision decideFrom(RuleBase read, PolicyRequest request, Instant at) {
        RuleBase base = read;
        // A reload retires the old rule base's pool; a decision that read the old base just before
        // finds the pool shut and moves to the base now in use (each attempt follows a reload, so
        // the bound only matters if reloads never stop).
        for (int attempt = 1; ; attempt++) {
            Decision d = decideOn(base, request, at);
            RuleBase now = d != null || attempt == RETIRED_RETRIES ? null : ruleBase.get();
            if (now == null || now == base) {
                return d != null ? d : Evaluation.stopped(base, request, ALL_BUSY);
            }
            base = now;
        }
    }

    /** @return the decision on one rule base, or {@code null} when that base was retired before it could start */
    private Decision decideOn(RuleBase base, PolicyRequest request, Instant at) {
        Optional<RuleBase.Guard> guard = base.guard();
        if (guard.isEmpty()) {
            return onCallersThread(base, request, at);
        }
        // A school's overlay runs on the school's own pool under a time budget; past it, the
        // decision is stopped and answered fail-closed, and the caller's thread is free again.
        Breaker breaker = guard.get().breaker();
        if (breaker.open()) {
            return Evaluation.stopped(base, request, "the school's decisions kept running past their budget of "
                    + guard.get().budget().toMillis() + " ms, so new ones are refused for " + breaker.coolDown().toMillis() + " ms");
        }
        Evaluation.Run run = new Evaluation.Run();
        java.util.concurrent.Future<Decision> future;
        try {
            future = guard.get().pool().submit(() -> withValidity(base, request, at, run));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return guard.get().pool().isShutdown() ? null : Evaluation.stopped(base, request, ALL_BUSY);
        }
        try {
            Decision d = future.get(guard.get().budget().toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            breaker.finished();
            return d;
        } catch (java.util.concurrent.TimeoutException e) {
            run.stop();
            future.cancel(true);
            breaker.overran();
            return Evaluation.stopped(base, request, "the decision took longer than its budget of " + guard.get().budget().toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new PolicyException("rule evaluation failed for a `" + request.type() + "` request: "
                    + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop();
            throw new PolicyException("interrupted while deciding a `" + request.type() + "` request", e);
        }
    }

    /**
     * A decision on the caller's thread, taking one of the JVM's places for its evaluations. A
     * school's overlay decisions run on the school's own pool instead, which bounds them already:
     * a place held by an overlay running up to its budget would make every other school wait.
     */
    private Decision onCallersThread(RuleBase base, PolicyRequest request, Instant at) {
        boolean entered = Cores.JVM.enter();
        try {
            return withValidity(base, request, at, null);
        } finally {
            Cores.JVM.leave(entered);
        }
    }

    /** A decision with until when it holds and what would settle it; no place, budget or breaker (a warm-up's). */
    Decision withValidity(RuleBase base, PolicyRequest request, Instant at, Evaluation.Run run) {
        Decision d = Evaluation.evaluate(base, request, at, run);
        Decision out = d.withChange(Validity.change(request, d, at, base.calendar().zone(), later -> Evaluation.later(base, request, d, later, run)))
                .withReliesOn(org.smpolicy.decision.Reliance.of(request));
        Optional<Questions.Found> q = Questions.find(request, d, r -> Evaluation.evaluate(base, r, at, run));
        return q.isEmpty() ? out : out.withQuestions(q.get().questions(), Optional.of(q.get().outcomeIfConfirmed()));
    }

    /** The load check's school decider: the decision now, and an overlay must not fail later either. */
    private static Decision laterToo(RuleBase school, PolicyRequest request, Instant now) {
        Decision d = Evaluation.evaluate(school, request, now, null, false);
        if (school.guard().isEmpty()) {
            return d; // no overlay rules: nothing of the school's own can start failing later
        }
        for (java.time.Period p : LOAD_CHECK_LATER) {
            Evaluation.evaluate(school, request, now.atZone(school.calendar().zone()).plus(p).toInstant(), null, false);
        }
        return d;
    }
}
