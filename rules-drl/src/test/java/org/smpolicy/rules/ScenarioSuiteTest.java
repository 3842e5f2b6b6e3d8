package org.smpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smpolicy.testkit.Coverage;
import org.smpolicy.testkit.ScenarioFile;
import org.smpolicy.testkit.ScenarioResult;
import org.smpolicy.testkit.ScenarioRunner;

/** The whole shipped scenario suite, with rule and clause coverage. */
class ScenarioSuiteTest {

    static final Path SUITE = Path.of("src/test/resources/scenarios");

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
