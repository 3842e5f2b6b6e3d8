package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.smpolicy.testkit.Coverage;
import org.smpolicy.testkit.ScenarioFile;
import org.smpolicy.testkit.ScenarioResult;
import org.smpolicy.testkit.ScenarioRunner;
import org.smpolicy.testkit.junit.Scenarios;

/**
 * The corpus harness: every scenario file of the shipped suite, one container per file and one
 * test per scenario, found by walking the suite (no class per file); then the suite as a whole,
 * with rule and clause coverage. The command line runs the same corpus (TestCommandTest in cli).
 */
class ScenarioSuiteTest {

    static final Path SUITE = Path.of("src/test/resources/scenarios");

    @TestFactory
    Stream<DynamicNode> everyScenarioFile() {
        return Scenarios.dynamicTests(Policies.RUNNER, SUITE);
    }

    @Test
    void everyScenarioPassesAndEveryRuleFires() throws IOException {
        ScenarioRunner runner = ScenarioRunner.of(Policies.baseline());
        List<ScenarioResult> failed = ScenarioFile.readAll(List.of(SUITE)).stream().map(runner::run)
                .filter(r -> !r.passed()).toList();
        assertThat(failed).as(() -> String.join("\n", failed.stream().map(ScenarioResult::report).toList())).isEmpty();
        Coverage coverage = runner.coverage();
        coverage.write(Path.of("target/smpolicy-coverage.txt"));
        assertThat(coverage.neverFiredRules()).as(coverage.summary()).isEmpty();
        assertThat(coverage.unexercisedClauses()).as(coverage.summary()).isEmpty();
    }
}
