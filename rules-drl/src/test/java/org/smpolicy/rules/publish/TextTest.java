package org.smpolicy.rules.publish;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.smpolicy.rules.Policies;
import org.smpolicy.testkit.junit.Scenarios;

/** The scenarios that prove the rules of text.drl: scenarios/publish/text.json. */
class TextTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.dynamicTests(Policies.RUNNER, Path.of("src/test/resources/scenarios/publish/text.json"));
    }
}
