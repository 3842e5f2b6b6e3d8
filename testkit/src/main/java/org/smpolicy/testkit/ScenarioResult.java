package org.smpolicy.testkit;

import java.util.List;
import org.smpolicy.decision.Decision;

/**
 * What running a scenario gave.
 *
 * @param scenario    the scenario
 * @param decision    the decision
 * @param differences what differed from the expectation, one line each; empty when it passed
 */
public record ScenarioResult(Scenario scenario, Decision decision, List<String> differences) {

    /** Copies. */
    public ScenarioResult {
        differences = List.copyOf(differences);
    }

    /** @return whether the decision met every expectation */
    public boolean passed() {
        return differences.isEmpty();
    }

    /** @return the differences and the whole decision, for a failure message */
    public String report() {
        return scenario.displayName() + " (" + scenario.source() + ")\n  " + String.join("\n  ", differences)
                + "\nThe decision was:\n" + Decisions.describe(decision);
    }
}
