package org.smpolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.diagnostic.PolicyException;
import org.smpolicy.drl.DecisionContext;
import org.smpolicy.model.PolicyRequest;

/**
 * One evaluation of a request in a rule base session: the firing limit, the budget's stop, and,
 * under a school's overlay, the fallback that keeps the baseline's findings when an overlay rule
 * fails (the failure is a REVIEW finding naming the rule).
 */
final class Evaluation {

    // The engine's logger name, so that one logging setting covers every warning of the engine.
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("org.smpolicy.RuleEngine");

    /** Most rule firings one decision may take before it is stopped as a runaway. */
    static final int MAX_FIRINGS = 10_000;
    /** The rule id of the finding a failed overlay rule leaves when its id cannot be told. */
    static final String OVERLAY_FAILED_RULE = "smpolicy.overlay-failed";

    private Evaluation() {
    }

    /** A decision's running session, so that a budget can stop it from another thread. */
    static final class Run {
        private volatile boolean stopped;
        private volatile KieSession session;

        void stop() {
            stopped = true;
            KieSession s = session;
            if (s != null) {
                s.halt();
            }
        }
    }

    /** A fail-closed answer for a decision stopped by a budget: REVIEW, naming the profile; no request value is quoted. */
    static Decision stopped(RuleBase base, PolicyRequest request, String why) {
        LOG.warn("a `{}` decision under profile `{}` was stopped: {}", request.type(), base.profile(), why);
        List<Finding> f = List.of(Finding.of(List.of("2.a"), Decision.BUDGET_RULE, org.smpolicy.decision.Effect.REVIEW,
                why + " under profile `" + base.profile() + "`, so it was stopped: nothing was decided",
                "a person must decide; tell whoever maintains the profile's overlay"));
        return new Decision(Decision.combine(f), f, List.of(), request.type(), base.version(), base.profile(), base.calendar().zone(),
                Optional.empty());
    }

    static Decision evaluate(RuleBase base, PolicyRequest request, Instant now, Run run) {
        return evaluate(base, request, now, run, true);
    }

    /**
     * One evaluation. Under a school's overlay, with {@code fallBack}, an overlay rule that fails
     * never removes a baseline finding: the baseline alone decides again with the school's
     * calendar, parameters and disabled rules, and the failure is a REVIEW finding naming the rule.
     */
    static Decision evaluate(RuleBase base, PolicyRequest request, Instant now, Run run, boolean fallBack) {
        Optional<RuleBase.Guard> guard = base.guard();
        try {
            return decide(base, request, now, run);
        } catch (InvalidRequest e) {
            throw e.cause;
        } catch (PolicyException | OutOfMemoryError | StackOverflowError e) {
            if (guard.isEmpty() || !fallBack) {
                if (e instanceof PolicyException p) {
                    throw p;
                }
                throw new PolicyException("rule evaluation failed for a `" + request.type() + "` request: "
                        + e.getClass().getSimpleName(), e);
            }
            if (run != null && run.stopped) {
                throw new PolicyException("stopped", e);
            }
            Decision d = decide(guard.get().baselineOnly(), request, now, run);
            String rule = failedRule(e, guard.get().overlayClauses().keySet());
            List<String> clauses = guard.get().overlayClauses().getOrDefault(rule, List.of("2.a"));
            LOG.warn("overlay rule `{}` of profile `{}` failed on a `{}` request: {}", rule, base.profile(), request.type(),
                    e.getClass().getSimpleName());
            List<Finding> f = new ArrayList<>(d.findings());
            f.add(Finding.of(clauses, rule, org.smpolicy.decision.Effect.REVIEW,
                    "the school's rule `" + rule + "` (profile `" + base.profile() + "`) failed on this request, so what it would find is not known;"
                            + " the baseline's findings stand",
                    "a person must decide; tell whoever maintains the profile's overlay"));
            f.sort(null);
            return new Decision(Decision.combine(f), f, d.obligations(), d.requestType(), d.policyVersion(), base.profile(),
                    d.zone(), Optional.empty());
        }
    }

    /**
     * The decision of a request at a later instant, given its decision now: on a rule base that sets
     * apart the rules that read the instant, only those run, and every other rule's findings and
     * duties are taken from the decision now (they are the same at every instant); otherwise the
     * request is decided again in full.
     */
    static Decision later(RuleBase base, PolicyRequest request, Decision now, Instant later, Run run) {
        Optional<RuleBase.Later> split = base.later();
        return split.isEmpty() ? evaluate(base, request, later, run) : later(split.get(), request, now, later, run);
    }

    /** The decision at a later instant from the rules that read the instant, and every other rule's results now. */
    static Decision later(RuleBase.Later split, PolicyRequest request, Decision now, Instant later, Run run) {
        Set<String> timed = split.rules();
        Decision part = evaluate(split.base(), request, later, run);
        List<Finding> f = new ArrayList<>(part.findings());
        now.findings().stream().filter(x -> !timed.contains(x.rule())).forEach(f::add);
        f.sort(null);
        List<Obligation> o = new ArrayList<>(part.obligations());
        now.obligations().stream().filter(x -> !timed.contains(x.rule())).forEach(o::add);
        o.sort(null);
        return new Decision(Decision.combine(f), f, o, now.requestType(), now.policyVersion(), now.profile(), now.zone(), Optional.empty());
    }

    /** Bad input is the caller's, not an overlay's: it passes the fallback untouched. */
    private static final class InvalidRequest extends RuntimeException {
        final org.smpolicy.diagnostic.InvalidRequestException cause;

        InvalidRequest(org.smpolicy.diagnostic.InvalidRequestException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    private static final java.util.regex.Pattern RULE_NAME = java.util.regex.Pattern.compile("Rule \"([^\"]+)\"");

    private static String failedRule(Throwable e, Set<String> overlayRules) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.kie.api.runtime.rule.ConsequenceException c && c.getMatch() != null
                    && overlayRules.contains(c.getMatch().getRule().getName())) {
                return c.getMatch().getRule().getName();
            }
            String m = t.getMessage();
            if (m != null) {
                java.util.regex.Matcher matcher = RULE_NAME.matcher(m);
                while (matcher.find()) {
                    if (overlayRules.contains(matcher.group(1))) {
                        return matcher.group(1);
                    }
                }
            }
        }
        return OVERLAY_FAILED_RULE;
    }

    private static Decision decide(RuleBase base, PolicyRequest request, Instant now, Run run) {
        if (run != null && run.stopped) {
            throw new PolicyException("stopped");
        }
        DecisionContext ctx = new DecisionContext(now, base.calendar().localDate(now), base.calendar(), base.parameters());
        try {
            Inputs.check(request, ctx.today());
        } catch (org.smpolicy.diagnostic.InvalidRequestException e) {
            if (base.guard().isPresent()) {
                throw new InvalidRequest(e);
            }
            throw e;
        }
        Set<Finding> findings = new LinkedHashSet<>();
        Set<Obligation> obligations = new LinkedHashSet<>();
        KieSession session = base.pool(request.getClass()).newKieSession();
        if (run != null) {
            run.session = session;
        }
        try {
            session.insert(ctx);
            for (Object fact : request.facts()) {
                session.insert(fact);
            }
            Set<String> disabled = base.disabled();
            AgendaFilter filter = disabled.isEmpty() ? null : m -> !disabled.contains(m.getRule().getName());
            int fired = filter == null ? session.fireAllRules(MAX_FIRINGS) : session.fireAllRules(filter, MAX_FIRINGS);
            if (run != null && run.stopped) {
                throw new PolicyException("stopped");
            }
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
            if (run != null) {
                run.session = null;
            }
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
