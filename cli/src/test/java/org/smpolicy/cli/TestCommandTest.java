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
    void reCheckScenariosFailOnAnItemReportedOrMissedAndOnADuty() throws IOException {
        // the shipped real cases, each spoiled once: a copy that stays, an item nothing touched, another owner
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree(Path.of(SUITE, "recheck/real-cases.json").toFile());
        com.fasterxml.jackson.databind.JsonNode sc = doc.get("scenarios");
        ((com.fasterxml.jackson.databind.node.ArrayNode) sc.get(1).get("expect").get("reported")).addObject().put("id", "harvest-web");
        ((com.fasterxml.jackson.databind.node.ArrayNode) sc.get(4).get("expect").get("reported")).addObject().put("id", "book-week");
        ((com.fasterxml.jackson.databind.node.ObjectNode) sc.get(3).get("expect").get("reported").get(0).get("duties").get(0))
                .put("owner", "ACCOUNT_RUNNERS");
        ((com.fasterxml.jackson.databind.node.ArrayNode) sc.get(0).get("expect").get("reported")).remove(0);
        Path spoiled = tmp.resolve("spoiled.json");
        Files.writeString(spoiled, doc.toString());
        Cli r = Cli.run("test", "-v", spoiled.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("recheck-withdrawn-for-social-media-only: expected item harvest-web to be reported, but it was not")
                .contains("recheck-change-touching-nothing: expected item book-week to be reported")
                .contains("recheck-runner-left: expected item trip-post to give the duty REASSIGN_CONTENT ACCOUNT_RUNNERS by 2026-11-26T17:00:00Z"
                        + " but it gives [REASSIGN_CONTENT ADMINISTRATOR by 2026-11-26T17:00:00Z]")
                .contains("recheck-refused-consent-class-photo: expected item class3-photo not to be reported, but it was (DENY)")
                .contains("    The re-check reported:");
        assertThat(r.out().strip()).endsWith("1 passed, 4 failed");
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
