package org.smpolicy.rules.publish;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.smpolicy.rules.Policies;
import org.smpolicy.testkit.junit.Scenarios;

/** The scenarios that prove the rules of scope.drl: scenarios/publish/scope.json. */
class ScopeTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.dynamicTests(Policies.RUNNER, Path.of("src/test/resources/scenarios/publish/scope.json"));
    }
}
