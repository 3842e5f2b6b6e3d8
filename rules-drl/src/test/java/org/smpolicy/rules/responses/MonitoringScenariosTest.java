package org.smpolicy.rules.responses;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.smpolicy.rules.Policies;
import org.smpolicy.testkit.junit.Scenarios;

/** The scenarios that prove the rules of monitoring.drl: scenarios/responses/monitoring.json. */
class MonitoringScenariosTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.dynamicTests(Policies.RUNNER, Path.of("src/test/resources/scenarios/responses/monitoring.json"));
    }
}
