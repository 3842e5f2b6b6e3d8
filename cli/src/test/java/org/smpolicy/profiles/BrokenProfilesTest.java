package org.smpolicy.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smpolicy.testkit.junit.DecisionAssert.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.model.EngagementAction;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.Person;
import org.smpolicy.model.PersonRole;
import org.smpolicy.model.StudentAgeStatus;

/** A broken profile is rejected with file:line messages, and the rule base that worked keeps deciding. */
class BrokenProfilesTest {

    @TempDir
    Path tmp;

    static final String HEADER = "package org.school.test;\nimport org.smpolicy.drl.Results;\nimport org.smpolicy.model.PublishRequest;\n";

    static String rule(String name, String rhs) {
        return HEADER + "rule \"" + name + "\"\n    @clause(\"11.a\")\n    @outcome(\"REVIEW\")\nwhen\n    PublishRequest()\nthen\n" + rhs + "\nend\n";
    }

    List<String> problems(Path dir) {
        try {
            SocialMediaPolicy.builder().clock(Profiles.CLOCK).profile(dir).build();
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("expected " + dir + " to be rejected");
    }

    /** Reloading a working policy with a broken profile fails and leaves the working rule base. */
    void assertReloadKeepsWorkingRuleBase(Path broken) {
        SocialMediaPolicy policy = Profiles.policy(Profiles.MERRIOTT);
        assertThatThrownBy(() -> policy.reload(broken)).isInstanceOf(PolicyLoadException.class);
        assertThat(policy.profile()).isEqualTo("Merriott Primary School");
        assertThat(policy.checkPublish(Profiles.pressPhoto())).needsReview().firedRule("merriott.press-photos-need-head-approval");
        assertThat(policy.checkEngagement(new EngagementRequest(org.smpolicy.model.Account.personal("a"), EngagementAction.FOLLOW,
                new Person("p", PersonRole.STUDENT, StudentAgeStatus.UNDER_18, null), null))).isDenied();
    }

    @Test
    void syntaxErrorIsReportedWithFileAndLine() {
        Path dir = Profiles.write(tmp.resolve("syntax"), Profiles.profile("Syntax", ""),
                HEADER + "rule \"x.broken\"\n    @clause(\"11.a\")\n    @outcome(\"REVIEW\")\nwhen\n    PublishRequest( \nthen\nend\n");
        assertThat(problems(dir)).isNotEmpty().allSatisfy(p -> assertThat(p).matches(".*overlay0\\.drl:\\d+: .+"));
        assertReloadKeepsWorkingRuleBase(dir);
    }

    @Test
    void unknownDisableIdIsReportedAtItsLine() {
        Path dir = Profiles.write(tmp.resolve("disable"), Profiles.profile("Disable",
                "\"disable\": [\n    { \"rule\": \"publish.no-such-rule\", \"reason\": \"typo\" }\n  ]"));
        assertThat(problems(dir)).containsExactly(dir.resolve("profile.json") + ":5: unknown rule id `publish.no-such-rule` in disable");
        assertReloadKeepsWorkingRuleBase(dir);
    }

    @Test
    void linesComeFromTheParserNotFromSearchingTheText() {
        // The rule id appears first as the school's name: a search for its text would point at line 3.
        Path dir = Profiles.write(tmp.resolve("lines"), "{\n  \"profileVersion\": 1,\n  \"name\": \"publish.no-such-rule\",\n"
                + "  \"disable\": [\n    {\"rule\": \"publish.no-such-rule\", \"reason\": \"typo\"}\n  ],\n"
                + "  \"closureDays\": [\"2026-12-01\",\n    \"2026-02-30\"]\n}\n");
        assertThat(problems(dir)).containsExactlyInAnyOrder(
                dir.resolve("profile.json") + ":8: invalid closure day `2026-02-30`: expected YYYY-MM-DD");
        Path unknown = Profiles.write(tmp.resolve("lines2"), "{\n  \"profileVersion\": 1,\n  \"name\": \"publish.no-such-rule\",\n"
                + "  \"disable\": [\n    {\"rule\": \"publish.no-such-rule\", \"reason\": \"typo\"}\n  ]\n}\n");
        assertThat(problems(unknown)).containsExactly(unknown.resolve("profile.json") + ":5: unknown rule id `publish.no-such-rule` in disable");
    }

    @Test
    void javaIoFileIsRejected() {
        Path dir = Profiles.write(tmp.resolve("file"), Profiles.profile("File", ""),
                rule("x.writes-a-file", "    new java.io.File(\"/tmp/x\").delete();"));
        assertThat(problems(dir)).anySatisfy(p -> assertThat(p).contains("overlay0.drl:10: ").contains("is not allowed in an overlay's right-hand side"));
        assertReloadKeepsWorkingRuleBase(dir);
    }

    @Test
    void systemExitIsRejected() {
        Path dir = Profiles.write(tmp.resolve("exit"), Profiles.profile("Exit", ""), rule("x.exits", "    System.exit(1);"));
        assertThat(problems(dir)).anySatisfy(p -> assertThat(p).contains("overlay0.drl:10: ").contains("is not allowed in an overlay's right-hand side"));
        assertReloadKeepsWorkingRuleBase(dir);
    }

    @Test
    void forbiddenImportsGlobalsAndBaselinePackagesAreRejected() {
        Path dir = Profiles.write(tmp.resolve("imports"), Profiles.profile("Imports", ""),
                "package org.smpolicy.rules.publish;\nimport java.nio.file.Files;\nglobal java.util.List log;\n"
                        + "rule \"x.y\"\n    @clause(\"11.a\")\n    @outcome(\"REVIEW\")\nwhen\n    eval(true)\nthen\nend\n");
        assertThat(problems(dir)).anySatisfy(p -> assertThat(p).contains("overlay0.drl:2: import `java.nio.file.Files` is not allowed"))
                .anySatisfy(p -> assertThat(p).contains("overlay0.drl:3: `global` is not allowed"))
                .anySatisfy(p -> assertThat(p).contains("overlay0.drl:8: `eval` is not allowed"))
                .anySatisfy(p -> assertThat(p).contains("overlay0.drl:1: package `org.smpolicy.rules.publish` is not allowed"));
    }

    @Test
    void rulesNeedClauseAndOutcomeMetadataCitingRealClauses() {
        Path dir = Profiles.write(tmp.resolve("meta"), Profiles.profile("Meta", ""),
                HEADER + "rule \"x.no-meta\"\nwhen\n    PublishRequest()\nthen\nend\n"
                        + "rule \"x.bad-clause\"\n    @clause(\"99.z\")\n    @outcome(\"DENY\")\nwhen\n    PublishRequest()\nthen\nend\n");
        assertThat(problems(dir)).contains(
                tmp.resolve("meta/overlay0.drl") + ":4: rule `x.no-meta` has no @clause metadata naming the clause it enforces",
                tmp.resolve("meta/overlay0.drl") + ":9: rule `x.bad-clause` cites clause `99.z`, which the policy does not have");
    }

    @Test
    void typeErrorsFoundOnlyByTheCompilerStillNameTheFile() {
        Path dir = Profiles.write(tmp.resolve("types"), Profiles.profile("Types", ""),
                HEADER + "rule \"x.no-such-field\"\n    @clause(\"11.a\")\n    @outcome(\"REVIEW\")\nwhen\n    PublishRequest( colour == \"red\" )\nthen\nend\n");
        assertThat(problems(dir)).isNotEmpty().allSatisfy(p -> assertThat(p).contains("overlay0.drl:"));
    }

    @Test
    void disablingADenyRuleNeedsADeclaredRelaxation() {
        Path dir = Profiles.write(tmp.resolve("relax"), Profiles.profile("Relax",
                "\"disable\": [ { \"rule\": \"publish.personal-views-without-disclaimer\", \"reason\": \"we trust staff\" } ]"));
        assertThat(problems(dir)).singleElement().asString().contains("disabling DENY rule `publish.personal-views-without-disclaimer`")
                .contains("declare it in `relaxations`");
        Path declared = Profiles.write(tmp.resolve("relax2"), Profiles.profile("Relax",
                "\"disable\": [ { \"rule\": \"publish.personal-views-without-disclaimer\", \"reason\": \"we trust staff\" } ],\n"
                        + "  \"relaxations\": [ { \"of\": \"publish.personal-views-without-disclaimer\", \"reason\": \"governors agreed on 2026-10-01\" } ]"));
        assertThat(Profiles.policy(declared).rules()).anySatisfy(r -> assertThat(r.enabled()).isFalse());
    }

    @Test
    void longerResponseWindowAndAllowListAreRelaxations() {
        Path dir = Profiles.write(tmp.resolve("window"), Profiles.profile("Window",
                "\"responseWindowHours\": 48,\n  \"linkAllowList\": [\"example.org\"],\n  \"relaxations\": [ { \"of\": \"publish.tone\", \"reason\": \"x\" } ]"));
        assertThat(problems(dir)).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("profile.json:4: `responseWindowHours` makes the policy less strict"))
                .anySatisfy(p -> assertThat(p).contains("profile.json:5: `linkAllowList` makes the policy less strict"))
                .anySatisfy(p -> assertThat(p).contains("declares `publish.tone`, which this profile does not relax"));
    }

    @Test
    void strictProfileReadingNamesTheLine() {
        Path dir = Profiles.write(tmp.resolve("strict"), "{\n  \"profileVersion\": 1,\n  \"name\": \"S\",\n  \"colour\": \"red\",\n  \"closureDays\": [\"2026-13-01\"]\n}\n");
        assertThat(problems(dir)).anySatisfy(p -> assertThat(p).endsWith("profile.json:4: unknown field `colour`; known fields: closureDays, disable, holidaysFile, linkAllowList, linkDenyList, name, profileVersion, relaxations, responseWindowHours, responseWindowWorkingDays, timeZone"))
                .anySatisfy(p -> assertThat(p).contains("profile.json:5: invalid closure day `2026-13-01`"));
    }

    @Test
    void aProfilesHolidaysFileMustBeInsideItsDirectoryAndComplete() throws Exception {
        Path outside = Profiles.write(tmp.resolve("feed-outside"), Profiles.profile("Feed", "\"holidaysFile\": \"../bank-holidays.json\""));
        assertThat(problems(outside)).singleElement().asString().contains("`holidaysFile` must name a file inside the profile directory");
        StringBuilder events = new StringBuilder();
        for (java.time.LocalDate d : org.smpolicy.calendar.BankHolidays.englandAndWales(2026).keySet()) {
            events.append("{\"title\":\"Holiday\",\"date\":\"").append(d).append("\"},");
        }
        events.append("{\"title\":\"A one-off\",\"date\":\"2026-11-30\"}");
        Path dir = Profiles.write(tmp.resolve("feed"), Profiles.profile("Feed", "\"holidaysFile\": \"bank-holidays.json\""));
        java.nio.file.Files.writeString(dir.resolve("bank-holidays.json"), "{\"england-and-wales\":{\"events\":[" + events + "]}}");
        assertThat(Profiles.policy(dir).calendar().isWorkingDay(java.time.LocalDate.of(2026, 11, 30))).isFalse();
    }

    @Test
    void anOverlayThatFailsToEvaluateAGeneratedRequestIsRefusedAtLoad() {
        Path dir = Profiles.write(tmp.resolve("fragile"), Profiles.profile("Fragile", ""),
                HEADER + "import org.smpolicy.model.*;\nrule \"x.fragile\"\n    @clause(\"7.c\")\n    @outcome(\"NOTE\")\nwhen\n"
                        + "    PublishRequest( post.author.length() > 100 )\nthen\n    Results.find(kcontext, \"long\");\nend\n");
        assertThat(problems(dir)).singleElement().asString().contains("the profile's rules fail on a generated request");
        assertReloadKeepsWorkingRuleBase(dir);
    }
}
