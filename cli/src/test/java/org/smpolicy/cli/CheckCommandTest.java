package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path tmp;

    @Test
    void exampleProfilesAreClean() {
        for (String school : new String[] {"../examples/schools/merriott", "../examples/schools/haselbury"}) {
            Cli r = Cli.run("check", "--requests", "300", school);
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("clean").contains("against the baseline: ");
        }
    }

    @Test
    void anOverlayRuleKeyedOnAWordIsExercisedByRequestsThatSayIt() {
        Cli r = Cli.run("check", "--requests", "300", "../examples/schools/cricket-hill");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // None of the 300 generated posts mentions the residential trip; the aimed ones do.
        assertThat(r.out()).contains("rules that now fire cricket-hill.residential-trip-needs-senior-leader (")
                .contains("aimed at the overlay's words").doesNotContain("never exercised");
    }

    @Test
    void anOverlayRuleNoRequestFiresIsReported() throws IOException {
        Files.writeString(tmp.resolve("profile.json"), "{\n  \"profileVersion\": 1,\n  \"name\": \"Quiet\"\n}\n");
        Files.writeString(tmp.resolve("quiet.drl"), "package org.school.quiet;\nimport org.smpolicy.drl.Results;\n"
                + "import org.smpolicy.model.PublishRequest;\nrule \"quiet.one-account\"\n  @clause(\"11.a\")\n  @outcome(\"REVIEW\")\n"
                + "when\n  PublishRequest( account.id == \"no-such-account\" )\nthen\n  Results.find(kcontext, \"m\", \"r\");\nend\n");
        Cli r = Cli.run("check", "--requests", "300", tmp.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("never exercised: overlay rule `quiet.one-account` fired on none of the 456 requests decided: "
                + "add a scenario that fires it (smpolicy test)");
    }

    @Test
    void aResponseWindowInWorkingDaysIsADeclaredRelaxation() throws IOException {
        String request = "{\"type\": \"incoming-message\", \"ref\": \"c-1\", \"account\": {\"id\": \"acc\", \"type\": \"FEDERATION\", "
                + "\"sltApproved\": true}, \"kind\": \"COMMENT\", \"senderRole\": \"PARENT\", \"receivedAt\": \"2026-11-24T10:00:00Z\"}";
        Path req = Files.writeString(tmp.resolve("comment.json"), request);
        Path school = Files.createDirectories(tmp.resolve("school"));
        Files.writeString(school.resolve("profile.json"), "{\n  \"profileVersion\": 1,\n  \"name\": \"Part-time Office\",\n"
                + "  \"responseWindowWorkingDays\": 1\n}\n");
        Cli undeclared = Cli.run("check", "--requests", "100", school.toString());
        assertThat(undeclared.code()).isEqualTo(1);
        assertThat(undeclared.out()).contains(school.resolve("profile.json") + ":4: `responseWindowWorkingDays` makes the policy less strict");
        Files.writeString(school.resolve("profile.json"), "{\n  \"profileVersion\": 1,\n  \"name\": \"Part-time Office\",\n"
                + "  \"responseWindowWorkingDays\": 1,\n  \"relaxations\": [ { \"of\": \"responseWindowWorkingDays\", \"reason\": \"governors agreed\" } ]\n}\n");
        assertThat(Cli.run("check", "--requests", "100", school.toString()).code()).isZero();
        // Tuesday 10:00: due by the end of Wednesday, not Wednesday 10:00 as with 24 hours.
        assertThat(Cli.run("decide", "--now=2026-11-24T10:00:00Z", "--school", school.toString(), req.toString()).out())
                .contains("\"due\":\"2026-11-25T17:00:00Z\"");
        Files.writeString(school.resolve("profile.json"), "{\n  \"profileVersion\": 1,\n  \"name\": \"Both\",\n"
                + "  \"responseWindowHours\": 24,\n  \"responseWindowWorkingDays\": 1\n}\n");
        Cli both = Cli.run("check", school.toString());
        assertThat(both.code()).isEqualTo(1);
        assertThat(both.out()).contains(":5: give the response window in hours (`responseWindowHours`) or in working days");
    }

    @Test
    void brokenProfilePrintsOneFileLineMessagePerProblemAndExits1() throws IOException {
        Files.writeString(tmp.resolve("profile.json"), "{\n  \"profileVersion\": 1,\n  \"name\": \"Broken\",\n"
                + "  \"disable\": [ { \"rule\": \"publish.nope\", \"reason\": \"x\" } ]\n}\n");
        Files.writeString(tmp.resolve("bad.drl"), "package org.school.bad;\nimport org.smpolicy.model.PublishRequest;\n"
                + "rule \"bad.exit\"\n  @clause(\"11.a\")\n  @outcome(\"DENY\")\nwhen\n  PublishRequest()\nthen\n  System.exit(0);\nend\n");
        Cli r = Cli.run("check", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(tmp.resolve("profile.json") + ":4: unknown rule id `publish.nope` in disable")
                .contains(tmp.resolve("bad.drl") + ":9: ").contains("is not allowed in an overlay's right-hand side");
    }

    @Test
    void relaxingAChildProtectionRuleFailsTheInvariants() throws IOException {
        Files.writeString(tmp.resolve("profile.json"), "{\n  \"profileVersion\": 1,\n  \"name\": \"Lax\",\n"
                + "  \"disable\": [ { \"rule\": \"publish.student-image-personal-account\", \"reason\": \"staff are careful\" },\n"
                + "               { \"rule\": \"publish.unknown-image-personal-account\", \"reason\": \"staff are careful\" } ],\n"
                + "  \"relaxations\": [ { \"of\": \"publish.student-image-personal-account\", \"reason\": \"governors agreed\" },\n"
                + "                   { \"of\": \"publish.unknown-image-personal-account\", \"reason\": \"governors agreed\" } ]\n}\n");
        Cli r = Cli.run("check", "--requests", "2000", tmp.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("child-protection invariant broken").contains("personal account");
        // One line per kind of problem; the requests themselves only with --verbose.
        long problemLines = r.out().lines().filter(l -> l.contains("generated requests; the smallest is request")).count();
        assertThat(r.out().lines().filter(l -> l.startsWith("  request ")).count()).isZero();
        Cli v = Cli.run("check", "--requests", "2000", "--verbose", tmp.toString());
        assertThat(v.out().lines().filter(l -> l.contains("generated requests; the smallest is request")).count()).isEqualTo(problemLines);
        assertThat(v.out().lines().filter(l -> l.startsWith("  request ")).count()).isGreaterThan(problemLines);
    }

    @Test
    void decideUnderASchoolProfileNamesIt() {
        Cli r = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "--school", "../examples/schools/merriott", "../examples/requests/comment-saturday.json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"profile\":\"Merriott Primary School\"").contains("\"due\":\"2026-12-01T17:00:00Z\"");
    }

    @Test
    void clausesShowDisabledRulesWithTheirReason() {
        Cli r = Cli.run("clauses", "--school", "../examples/schools/haselbury");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("publish.tone (ADVICE) [disabled: Haselbury's communications lead");
    }

    @Test
    void missingDirectoryExits2() {
        Cli r = Cli.run("check", "no/such/school");
        assertThat(r.code()).isEqualTo(2);
    }
}
