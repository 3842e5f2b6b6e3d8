package org.smpolicy.testkit;

import java.util.List;
import org.smpolicy.decision.Decision;
import org.smpolicy.recheck.RecheckReport;

/**
 * What running a scenario gave.
 *
 * @param scenario    the scenario
 * @param decision    the decision, or {@code null} for a re-check scenario
 * @param differences what differed from the expectation, one line each; empty when it passed
 * @param recheck     the re-check report of a re-check scenario, or {@code null}
 */
public record ScenarioResult(Scenario scenario, Decision decision, List<String> differences, RecheckReport recheck) {

    /** Copies. */
    public ScenarioResult {
        differences = List.copyOf(differences);
    }

    /** The result of a scenario deciding one request. */
    public ScenarioResult(Scenario scenario, Decision decision, List<String> differences) {
        this(scenario, decision, differences, null);
    }

    /** @return whether the decision met every expectation */
    public boolean passed() {
        return differences.isEmpty();
    }

    /** @return the differences and the whole decision (or what the re-check reported), for a failure message */
    public String report() {
        String head = scenario.displayName() + " (" + scenario.source() + ")\n  " + String.join("\n  ", differences);
        if (recheck != null) {
            StringBuilder b = new StringBuilder(head).append("\nThe re-check reported:");
            recheck.reported().forEach(i -> b.append("\n  ").append(i.id()).append(": ").append(i.before()).append(" -> ")
                    .append(i.decision().outcome()).append(i.duties().stream().map(d -> "; " + d.action() + " " + d.owner() + " by " + d.due())
                            .collect(java.util.stream.Collectors.joining())));
            return recheck.reported().isEmpty() ? b.append(" nothing").toString() : b.toString();
        }
        return head + "\nThe decision was:\n" + Decisions.describe(decision);
    }
}
