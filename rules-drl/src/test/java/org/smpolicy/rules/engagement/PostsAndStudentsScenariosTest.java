package org.smpolicy.rules.engagement;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.smpolicy.rules.Policies;
import org.smpolicy.testkit.junit.Scenarios;

/** The scenarios that prove the rules of students.drl and posts.drl: scenarios/engagement/students.json. */
class PostsAndStudentsScenariosTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.dynamicTests(Policies.RUNNER, Path.of("src/test/resources/scenarios/engagement/students.json"));
    }
}
