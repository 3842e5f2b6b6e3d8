package org.smpolicy.testkit.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.smpolicy.testkit.ScenarioFile;
import org.smpolicy.testkit.ScenarioResult;
import org.smpolicy.testkit.ScenarioRunner;

/**
 * Turns scenario files into JUnit 5 dynamic tests, one per scenario, grouped per file.
 *
 * <pre>{@code
 * class MySchoolScenariosTest {
 *     static final ScenarioRunner RUNNER = ScenarioRunner.baseline();
 *
 *     @TestFactory
 *     Stream<DynamicNode> scenarios() {
 *         return Scenarios.dynamicTests(RUNNER, Path.of("src/test/resources/scenarios"));
 *     }
 * }
 * }</pre>
 */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * @param runner where to run them
     * @param paths  scenario files or directories (searched for *.json)
     * @return one container per file with one test per scenario, named "id: description"
     */
    public static Stream<DynamicNode> dynamicTests(ScenarioRunner runner, Path... paths) {
        return ScenarioFile.files(List.of(paths)).stream().map(file -> DynamicContainer.dynamicContainer(
                file.toString(), file.toUri(),
                ScenarioFile.read(file).stream().map(s -> DynamicTest.dynamicTest(s.displayName(), file.toUri(), () -> {
                    ScenarioResult r = runner.run(s);
                    if (!r.passed()) {
                        throw new AssertionFailedError(r.report());
                    }
                }))));
    }
}
