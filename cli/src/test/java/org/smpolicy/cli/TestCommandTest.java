package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    static final String SUITE = "../rules-drl/src/test/resources/scenarios";

    @TempDir
    Path tmp;

    @Test
    void deliberatelyWrongScenarioFailsNamingScenarioAndDifference() {
        Cli r = Cli.run("test", "src/test/resources/scenarios/wrong.json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("deliberately-wrong").contains("expected outcome ALLOW but was DENY")
                .contains("expected clause 11.b not to be cited");
        assertThat(r.out().strip()).endsWith("0 passed, 1 failed");
    }

    @Test
    void shippedSuitePassesAndReportsCoverage() throws IOException {
        Path report = tmp.resolve("coverage.txt");
        Cli r = Cli.run("test", "--coverage", report.toString(), SUITE);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // The sibling of the rules module's corpus harness: the same corpus through the command line, every scenario of it.
        int scenarios = org.smpolicy.testkit.ScenarioFile.readAll(java.util.List.of(Path.of(SUITE))).size();
        assertThat(scenarios).isGreaterThan(150);
        assertThat(r.out()).containsPattern("(?m)^" + scenarios + " passed, 0 failed$").contains("clauses not exercised: none");
        assertThat(Files.readString(report)).doesNotContain("NEVER ");
    }

    @Test
    void invalidScenarioFileExits2NamingFileAndPath() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"scenarioVersion\":1,\"scenarios\":[{\"id\":\"x\",\"request\":{\"type\":\"contact\"},\"expect\":{},\"colour\":1}]}");
        Cli r = Cli.run("test", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json").contains("$.scenarios[0]").contains("unknown field `colour`");
    }

    @Test
    void missingPathExits2() {
        Cli r = Cli.run("test", "no/such/dir");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no/such/dir");
    }

    @Test
    void verboseShowsTheFailedDecisionInWordsAsDecideTextDoes() throws IOException {
        Path wrong = tmp.resolve("wrong.json");
        Files.writeString(wrong, Files.readString(Path.of("../rules-drl/src/test/resources/scenarios/questions/questions.json"))
                .replace("\"outcomeIfConfirmed\": \"ALLOW\"", "\"outcomeIfConfirmed\": \"DENY\""));
        Cli r = Cli.run("test", "-v", wrong.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("expected outcomeIfConfirmed DENY but was ALLOW")
                .contains("    REVIEW: a person must decide before this goes ahead.")
                .contains("    What would settle it:")
                .contains("      Has `pupil-1001` given photo and video consent that covers social media?");
    }
}
