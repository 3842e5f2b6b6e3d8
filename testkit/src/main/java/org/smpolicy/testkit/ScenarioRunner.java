package org.smpolicy.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.function.BiFunction;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Obligation;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.recheck.RecheckReport;

/**
 * Runs scenarios against a policy, each at its own decision instant, and records coverage.
 * Thread-safe.
 *
 * <pre>{@code
 * ScenarioRunner runner = ScenarioRunner.baseline();
 * for (Scenario s : ScenarioFile.readAll(List.of(Path.of("scenarios")))) {
 *     ScenarioResult r = runner.run(s);
 *     if (!r.passed()) System.out.println(r.report());
 * }
 * System.out.println(runner.coverage().summary());
 * }</pre>
 */
public final class ScenarioRunner {

    private final SocialMediaPolicy policy;
    private final BiFunction<PolicyRequest, Instant, Decision> decider;
    private final Coverage coverage;

    private ScenarioRunner(SocialMediaPolicy policy, BiFunction<PolicyRequest, Instant, Decision> decider) {
        this.policy = policy;
        this.decider = decider;
        this.coverage = new Coverage(policy);
    }

    /** @return a runner over the baseline policy on the class path */
    public static ScenarioRunner baseline() {
        return of(SocialMediaPolicy.builder().build());
    }

    /**
     * A runner deciding every scenario with one policy, at the scenario's instant
     * ({@link SocialMediaPolicy#decide(PolicyRequest, Instant)}).
     *
     * @param policy the policy to test (e.g. built with a school profile)
     * @return a runner
     */
    public static ScenarioRunner of(SocialMediaPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new ScenarioRunner(policy, policy::decide);
    }

    /** @return the coverage of everything run so far */
    public Coverage coverage() {
        return coverage;
    }

    /**
     * @param s a scenario
     * @return the decision and every difference from the expectation
     */
    public ScenarioResult run(Scenario s) {
        if (s.recheck() != null) {
            return recheck(s);
        }
        Decision d = decider.apply(s.request(), s.now());
        coverage.record(s, d);
        List<String> diffs = new ArrayList<>();
        Scenario.Expectation e = s.expect();
        e.outcome().ifPresent(o -> {
            if (d.outcome() != o) {
                diffs.add("expected outcome " + o + " but was " + d.outcome());
            }
        });
        for (String c : e.clauses()) {
            if (!d.cites(c)) {
                diffs.add("expected clause " + c + " to be cited, but it was not");
            }
        }
        for (String r : e.rules()) {
            boolean fired = d.findings().stream().anyMatch(f -> f.rule().equals(r))
                    || d.obligations().stream().anyMatch(o -> o.rule().equals(r));
            if (!fired) {
                diffs.add("expected rule " + r + " to fire, but it did not");
            }
        }
        for (String c : e.absentClauses()) {
            if (d.cites(c)) {
                diffs.add("expected clause " + c + " not to be cited, but it was");
            }
        }
        for (Scenario.ExpectedObligation eo : e.obligations()) {
            if (d.obligations().stream().noneMatch(eo::matches)) {
                diffs.add("expected obligation " + eo + " but found " + (d.obligations().isEmpty() ? "none"
                        : d.obligations().stream().map(ScenarioRunner::brief).toList()));
            }
        }
        for (Scenario.ExpectedQuestion eq : e.questions()) {
            if (d.questions().stream().noneMatch(eq::matches)) {
                diffs.add("expected a question about " + eq.path() + eq.answer().map(a -> " answered " + a).orElse("")
                        + (eq.alternatives().isEmpty() ? "" : " with alternatives " + eq.alternatives()) + " but it asks "
                        + (d.questions().isEmpty() ? "nothing" : d.questions().stream().map(q -> q.path() + " " + (q.answer() == org.smpolicy.model.Answer.YES)
                        + (q.alternatives().isEmpty() ? "" : " or " + q.alternatives().stream().map(org.smpolicy.decision.Question::path).toList())).toList()));
            }
        }
        e.outcomeIfConfirmed().ifPresent(o -> {
            if (d.outcomeIfConfirmed().filter(o::equals).isEmpty()) {
                diffs.add("expected outcomeIfConfirmed " + o + " but was " + d.outcomeIfConfirmed().map(Object::toString).orElse("none"));
            }
        });
        return new ScenarioResult(s, d, diffs);
    }

    // Exactly the expected items are reported, each with its outcome and duties: an item a change
    // does not touch, or touches without consequence, must not be.
    private ScenarioResult recheck(Scenario s) {
        RecheckReport report = policy.recheck(s.recheck().published(), s.recheck().changes(), s.now());
        Map<String, RecheckReport.Item> byId = new LinkedHashMap<>();
        report.reported().forEach(i -> {
            byId.put(i.id(), i);
            coverage.record(s.id() + " " + i.id(), i.decision());
        });
        List<String> diffs = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (Scenario.ExpectedItem ei : s.expect().reported()) {
            expected.add(ei.id());
            RecheckReport.Item item = byId.get(ei.id());
            if (item == null) {
                diffs.add("expected item " + ei.id() + " to be reported, but it was not");
                continue;
            }
            ei.outcome().filter(o -> o != item.decision().outcome()).ifPresent(o ->
                    diffs.add("expected item " + ei.id() + " to be " + o + " now but it is " + item.decision().outcome()));
            for (Scenario.ExpectedDuty ed : ei.duties()) {
                if (item.duties().stream().noneMatch(ed::matches)) {
                    diffs.add("expected item " + ei.id() + " to give the duty " + ed + " but it gives " + item.duties().stream()
                            .map(d -> d.action() + " " + d.owner() + " by " + d.due()).toList());
                }
            }
        }
        byId.keySet().stream().filter(id -> !expected.contains(id))
                .forEach(id -> diffs.add("expected item " + id + " not to be reported, but it was (" + byId.get(id).decision().outcome() + ")"));
        return new ScenarioResult(s, null, diffs, report);
    }

    private static String brief(Obligation o) {
        return "{clause=" + o.clause() + " rule=" + o.rule() + " owner=" + o.owner() + " action=" + o.action() + " due=" + o.due() + "}";
    }
}
