package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person expects of the command line: clear one-line errors, machine-readable output, scenario selection. */
class CommandLineUsabilityTest {

    @TempDir
    Path tmp;

    static final String FOLLOW = "../examples/requests/follow-pupil-personal-account.json";

    @Test
    void aBadNowSaysWhatFormatItWants() {
        Cli r = Cli.run("decide", "--now", "yesterday", FOLLOW);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("`yesterday` is not an instant: expected ISO-8601 with an offset, e.g. 2026-11-25T10:00:00Z")
                .doesNotContain("DateTimeParseException");
    }

    @Test
    void aDirectoryIsNamedWithTheCommandPrefix() {
        Cli r = Cli.run("decide", "../examples/requests");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("smpolicy decide: ../examples/requests: is a directory; expected a request file");
    }

    @Test
    void jsonlOnAPrettyPrintedFileSaysSoOnce() {
        Cli r = Cli.run("decide", "--jsonl", FOLLOW);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains(FOLLOW + ":1: --jsonl needs one whole request per line");
        assertThat(r.out()).isEmpty();
        Cli over = Cli.run("serve", "--port", "0", "--warm-up", "601");
        assertThat(over.code()).isEqualTo(2);
        assertThat(over.err().strip()).isEqualTo("smpolicy serve: --warm-up `601` must be 0 to 600 seconds");
    }

    @Test
    void clausesAndStatusPrintJson() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode clauses = m.readTree(Cli.run("clauses", "--format", "json").out());
        assertThat(clauses.get("gaps").asInt()).isZero();
        assertThat(clauses.get("table").size()).isEqualTo(clauses.get("clauses").asInt());
        JsonNode status = m.readTree(Cli.run("status", "--now=2026-11-25T10:00:00Z", "--format", "json").out());
        assertThat(status.get("overdue").asBoolean()).isTrue();
        assertThat(status.get("reviewDue").asText()).isEqualTo("2025-01-31");
    }

    @Test
    void anEmptyScenarioFileAndAnUnknownRuleIdFail() throws Exception {
        Files.writeString(tmp.resolve("empty.json"), "{\"scenarioVersion\":1,\"scenarios\":[]}");
        Files.writeString(tmp.resolve("typo.json"), "{\"scenarioVersion\":1,\"scenarios\":[{\"id\":\"typo\",\"request\":"
                + Files.readString(Path.of(FOLLOW)) + ",\"expect\":{\"outcome\":\"DENY\",\"rules\":[\"engagement.no-such-rule\"]}}]}");
        Cli r = Cli.run("test", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("empty.json: the file holds no scenarios")
                .contains("typo: expects rule(s) [engagement.no-such-rule], which the policy does not have")
                .contains("0 passed, 2 failed");
    }

    @Test
    void aSuiteThatTestsNothingOrNamesAnUnknownClauseFails() throws Exception {
        Path none = Files.createDirectories(tmp.resolve("none"));
        Cli empty = Cli.run("test", none.toString());
        // A directory without scenario files is a usage error (issue 26), not a failed suite.
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err().strip()).isEqualTo("smpolicy test: no scenario files (*.json) in [" + none + "]");
        Cli unmatched = Cli.run("test", "--run", "^no-such-scenario$", "../rules-drl/src/test/resources/scenarios");
        assertThat(unmatched.code()).isEqualTo(1);
        assertThat(unmatched.out()).contains("FAIL no scenario id matches --run `^no-such-scenario$`");
        // `99.z` is never cited, so "absent" would always hold: the typo is reported instead
        Files.writeString(tmp.resolve("absent.json"), "{\"scenarioVersion\":1,\"scenarios\":[{\"id\":\"absent\",\"request\":"
                + Files.readString(Path.of(FOLLOW)) + ",\"expect\":{\"outcome\":\"DENY\",\"absentClauses\":[\"99.z\"]}}]}");
        Cli absent = Cli.run("test", tmp.resolve("absent.json").toString());
        assertThat(absent.code()).isEqualTo(1);
        assertThat(absent.out()).contains("absent: names clause(s) [99.z], which the policy does not have");
        Cli badRegex = Cli.run("test", "--run", "(", "../rules-drl/src/test/resources/scenarios");
        assertThat(badRegex.code()).isEqualTo(2);
        assertThat(badRegex.err()).contains("`(` is not a regular expression").doesNotContain("java.util");
    }

    @Test
    void everyErrorNamesTheCommandAsSmpolicyCmd() {
        Cli school = Cli.run("decide", "--school", "/no/such/school", FOLLOW);
        assertThat(school.code()).isEqualTo(2);
        assertThat(school.err().strip()).isEqualTo("smpolicy decide: /no/such/school: not a directory");
        Cli log = Cli.run("decide", "--decision-log", tmp.toString(), FOLLOW);
        assertThat(log.code()).isEqualTo(2);
        assertThat(log.err()).startsWith("smpolicy decide: --decision-log: ").doesNotContain("<main class>");
        Cli impact = Cli.run("impact", "--from", "baseline", "--to", "/no/such/school", "../examples/corpus/requests.jsonl");
        assertThat(impact.err().strip()).isEqualTo("smpolicy impact: /no/such/school: not a directory");
        Cli pretty = Cli.run("impact", "--from", "baseline", "--to", "baseline", FOLLOW);
        assertThat(pretty.code()).isEqualTo(2);
        assertThat(pretty.err().strip()).endsWith(":1: a corpus needs one whole request per line, and this line is not one (a pretty-printed file?)");
    }

    @Test
    void aWarmUpOutOfRangeIsRefusedBeforeAnythingStarts() {
        Cli r = Cli.run("serve", "--port", "0", "--warm-up", "-1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("smpolicy serve: --warm-up `-1` must be 0 to 600 seconds");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void runPicksScenariosById() {
        Cli r = Cli.run("test", "--run", "^fidelity-0[67]", "../rules-drl/src/test/resources/scenarios");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("3 passed, 0 failed");
    }

    @Test
    void decideSaysUntilWhenTheAnswerHoldsAndWhatItBecomes() throws Exception {
        Path follow = tmp.resolve("former-pupil.json");
        Files.writeString(follow, "{\"type\":\"engagement\",\"account\":{\"id\":\"staff-42\",\"type\":\"PERSONAL\",\"disclaimer\":true},"
                + "\"action\":\"FOLLOW\",\"target\":{\"role\":\"FORMER_STUDENT\",\"dateOfBirth\":\"2008-12-10\"}}");
        Cli r = Cli.run("decide", "--now=2026-11-25T10:00:00Z", follow.toString());
        assertThat(r.out()).contains("\"outcome\":\"DENY\"").contains("\"validUntil\":\"2026-12-10T00:00:00Z\",\"outcomeThen\":\"ALLOW\"");
        Cli photo = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "../examples/requests/student-photo-federation-account.json");
        assertThat(photo.out()).contains("\"outcome\":\"ALLOW\"")
                .contains("\"validUntil\":\"2027-08-01T00:00:00+01:00\",\"outcomeThen\":\"DENY\"");
    }

    @Test
    void holidaysFromTheOfficialFeedMoveDeadlines() throws Exception {
        StringBuilder events = new StringBuilder();
        for (java.time.LocalDate d : org.smpolicy.calendar.BankHolidays.englandAndWales(2026).keySet()) {
            events.append("{\"title\":\"Holiday\",\"date\":\"").append(d).append("\",\"notes\":\"\",\"bunting\":true},");
        }
        events.append("{\"title\":\"A one-off\",\"date\":\"2026-11-30\",\"notes\":\"\",\"bunting\":true}");
        Path feed = tmp.resolve("bank-holidays.json");
        Files.writeString(feed, "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[" + events + "]}}");
        // A Saturday comment is due at the end of Monday 30 November; with the one-off holiday, of Tuesday.
        Cli plain = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "../examples/requests/comment-saturday.json");
        Cli withFeed = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "--holidays", feed.toString(), "../examples/requests/comment-saturday.json");
        assertThat(plain.out()).contains("\"due\":\"2026-11-30T17:00:00Z\"");
        assertThat(withFeed.out()).as(withFeed.err()).contains("\"due\":\"2026-12-01T17:00:00Z\"");
        Files.writeString(feed, "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[{\"title\":\"X\",\"date\":\"2026-01-01\"}]}}");
        Cli dropped = Cli.run("decide", "--holidays", feed.toString(), "../examples/requests/comment-saturday.json");
        assertThat(dropped.code()).isEqualTo(2);
        assertThat(dropped.err()).contains("the feed drops Good Friday on 2026-04-03");
    }

    @Test
    void decisionLogCanBeSwitchedOnFromTheCommandLine() throws Exception {
        Path log = tmp.resolve("decisions.jsonl");
        Cli r = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "--decision-log", log.toString(), FOLLOW);
        assertThat(r.code()).isZero();
        String line = Files.readString(log);
        assertThat(line).contains("\"outcome\":\"DENY\"").contains("engagement.personal-account-student-under-18")
                .doesNotContain("pupil-1001");
    }

    @org.junit.jupiter.api.Test
    void theTopLevelHelpListsEveryCommandInAWholeSentence() {
        // Issue 26: the command list used to cut descriptions mid-sentence.
        Cli help = Cli.run("--help");
        String commands = help.out().substring(help.out().indexOf("Commands:") + "Commands:".length(), help.out().indexOf("Exit codes:"));
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (String line : commands.split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("    ") && !line.isBlank()) {
                entries.add(line.strip());
            } else if (!line.isBlank()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        assertThat(entries).hasSizeGreaterThan(8).allSatisfy(e -> assertThat(e).endsWith("."));
    }
}
