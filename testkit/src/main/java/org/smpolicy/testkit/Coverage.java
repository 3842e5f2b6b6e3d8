package org.smpolicy.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.catalogue.Clause;
import org.smpolicy.catalogue.RuleInfo;
import org.smpolicy.decision.ClauseIds;
import org.smpolicy.decision.Decision;

/**
 * Which rules fired across a run, which never fired, and which clauses no scenario exercised.
 * A rule counts as fired when it produced a finding or an obligation. Thread-safe.
 */
public final class Coverage {

    private final SocialMediaPolicy policy;
    private final Map<String, Set<String>> scenariosByRule = new ConcurrentHashMap<>();

    /**
     * @param policy the policy whose rules and clauses are counted
     */
    public Coverage(SocialMediaPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param scenario the scenario (or any label) that produced the decision
     * @param decision the decision
     */
    public void record(Scenario scenario, Decision decision) {
        record(scenario.id(), decision);
    }

    /**
     * @param label    what produced the decision, e.g. a test name
     * @param decision the decision
     */
    public void record(String label, Decision decision) {
        decision.findings().forEach(f -> scenariosByRule.computeIfAbsent(f.rule(), k -> ConcurrentHashMap.newKeySet()).add(label));
        decision.obligations().forEach(o -> scenariosByRule.computeIfAbsent(o.rule(), k -> ConcurrentHashMap.newKeySet()).add(label));
    }

    /** @return the enabled rules that produced something, sorted */
    public Set<String> firedRules() {
        Set<String> out = new TreeSet<>();
        for (RuleInfo r : policy.rules()) {
            if (scenariosByRule.containsKey(r.id())) {
                out.add(r.id());
            }
        }
        return out;
    }

    /** @return the enabled rules that never produced anything, sorted */
    public Set<String> neverFiredRules() {
        Set<String> out = new TreeSet<>();
        for (RuleInfo r : policy.rules()) {
            if (r.enabled() && !scenariosByRule.containsKey(r.id())) {
                out.add(r.id());
            }
        }
        return out;
    }

    /** @return clauses that need a rule and that no fired rule cites, in document order */
    public Set<String> unexercisedClauses() {
        Set<String> cited = new TreeSet<>();
        for (RuleInfo r : policy.rules()) {
            if (scenariosByRule.containsKey(r.id())) {
                cited.addAll(r.clauses());
            }
        }
        Set<String> out = new TreeSet<>(ClauseIds.COMPARATOR);
        for (Clause c : policy.clauses().clauses()) {
            if (c.treatment().needsRule() && !cited.contains(c.id())) {
                out.add(c.id());
            }
        }
        return out;
    }

    /** @return a short human summary */
    public String summary() {
        int total = (int) policy.rules().stream().filter(RuleInfo::enabled).count();
        StringBuilder sb = new StringBuilder();
        sb.append("rule coverage: ").append(firedRules().size()).append(" of ").append(total).append(" rules fired\n");
        if (!neverFiredRules().isEmpty()) {
            sb.append("never fired: ").append(String.join(", ", neverFiredRules())).append('\n');
        }
        sb.append("clauses not exercised: ").append(unexercisedClauses().isEmpty() ? "none" : String.join(", ", unexercisedClauses()))
                .append('\n');
        return sb.toString();
    }

    /**
     * Writes the report: every rule with the scenarios that fired it, then the summary.
     *
     * @param file where to write
     * @throws IOException on write errors
     */
    public void write(Path file) throws IOException {
        Map<String, List<String>> rows = new TreeMap<>();
        for (RuleInfo r : policy.rules()) {
            rows.put(r.id(), scenariosByRule.getOrDefault(r.id(), Set.of()).stream().sorted().toList());
        }
        StringBuilder sb = new StringBuilder("# smpolicy rule coverage\n");
        rows.forEach((rule, scenarios) -> sb.append(scenarios.isEmpty() ? "NEVER " : "fired ").append(rule)
                .append(scenarios.isEmpty() ? "" : "  <- " + String.join(", ", scenarios)).append('\n'));
        sb.append(summary());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, sb.toString());
    }
}
