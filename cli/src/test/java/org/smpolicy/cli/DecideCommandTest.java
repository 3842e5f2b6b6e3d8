package org.smpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecideCommandTest {

    static final String NOW = "--now=2026-11-25T10:00:00Z";

    @TempDir
    Path tmp;

    static JsonNode json(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void studentPhotoFromPersonalAccountPrintsDenyCiting11b() throws IOException {
        Cli r = Cli.run("decide", NOW, "../examples/requests/student-photo-personal-account.json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"outcome\":\"DENY\"");
        JsonNode d = json(r.out());
        assertThat(d.get("findings").findValuesAsText("clause")).contains("11.b");
    }

    @Test
    void personalFollowOfFifteenYearOldPrintsDenyCiting12bi() throws IOException {
        Cli r = Cli.run("decide", NOW, "../examples/requests/follow-pupil-personal-account.json");
        assertThat(r.code()).isZero();
        JsonNode d = json(r.out());
        assertThat(d.get("outcome").asText()).isEqualTo("DENY");
        assertThat(d.get("findings").findValuesAsText("clause")).contains("12.b.i");
    }

    @Test
    void saturdayCommentIsDueByTheEndOfMonday() throws IOException {
        Cli r = Cli.run("decide", NOW, "../examples/requests/comment-saturday.json");
        assertThat(r.code()).isZero();
        JsonNode obligations = json(r.out()).get("obligations");
        JsonNode respond = null;
        for (JsonNode o : obligations) {
            if (o.get("clause").asText().equals("6")) {
                respond = o;
            }
        }
        assertThat(respond).isNotNull();
        assertThat(respond.get("due").asText()).isEqualTo("2026-11-30T17:00:00Z");
        assertThat(respond.get("owner").asText()).isEqualTo("ACCOUNT_RUNNERS");
    }

    @Test
    void everySampleRequestDecides() throws IOException {
        try (var files = Files.list(Path.of("../examples/requests"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Cli r = Cli.run("decide", NOW, p.toString());
                assertThat(r.code()).as(p + ": " + r.err()).isZero();
                assertThat(json(r.out()).get("outcome").asText()).as(p.toString()).isIn("ALLOW", "REVIEW", "DENY");
            }
        }
    }

    Cli decideText(String json) throws IOException {
        Path f = tmp.resolve("request.json");
        Files.writeString(f, json);
        return Cli.run("decide", NOW, f.toString());
    }

    static void assertOneLineError(Cli r, String... fragments) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err()).contains("request.json");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void malformedJsonExits2WithTheLine() throws IOException {
        assertOneLineError(decideText("{\n  \"type\": \"publish\",\n  \"account\": {\n}}}"), "malformed JSON", "line 4");
    }

    @Test
    void anInvalidValueInAFileIsNamedWithItsLine() throws IOException {
        Cli r = decideText("{\n  \"type\": \"contact\",\n  \"recipientRole\": \"PARENT\",\n  \"channel\": \"CARRIER_PIGEON\"\n}\n");
        assertOneLineError(r, "request.json:4: $.channel: unknown value `CARRIER_PIGEON`");
    }

    @Test
    void unknownTypeExits2() throws IOException {
        assertOneLineError(decideText("{\"type\":\"tweet\"}"), "$.type", "unknown request type `tweet`");
    }

    @Test
    void unknownEnumValueExits2NamingTheField() throws IOException {
        assertOneLineError(decideText("{\"type\":\"contact\",\"channel\":\"CARRIER_PIGEON\",\"recipientRole\":\"PARENT\"}"),
                "$.channel", "CARRIER_PIGEON", "OFFICIAL_EMAIL");
    }

    @Test
    void missingRequiredFieldExits2NamingTheField() throws IOException {
        assertOneLineError(decideText("{\"type\":\"engagement\",\"account\":{\"id\":\"a\",\"type\":\"PERSONAL\"},"
                + "\"action\":\"FOLLOW\",\"target\":{\"ref\":\"p\"}}"), "$.target.role", "missing required field `role`");
    }

    @Test
    void unknownFieldExits2NamingTheField() throws IOException {
        assertOneLineError(decideText("{\"type\":\"contact\",\"channel\":\"OFFICIAL_EMAIL\",\"recipientRole\":\"PARENT\",\"colour\":1}"),
                "unknown field `colour`");
    }

    @Test
    void everyHostileInputExits2WithOneLineNamingFileAndPath() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(Path.of("../core/src/test/resources/hostile-inputs.json").toFile());
        for (JsonNode c : cases) {
            String input = c.has("generate")
                    ? c.get("generate").get("prefix").asText() + c.get("generate").get("unit").asText().repeat(c.get("generate").get("count").asInt())
                            + c.get("generate").get("suffix").asText()
                    : c.get("input").asText();
            Cli r = decideText(input);
            assertThat(r.code()).as(c.get("name").asText()).isEqualTo(2);
            assertThat(r.err()).as(c.get("name").asText()).contains("request.json: " + c.get("path").asText() + ": ");
            assertOneLineError(r);
        }
    }

    @Test
    void birthDateAfterTheDecisionDateExits2() throws IOException {
        assertOneLineError(decideText("{\"type\":\"engagement\",\"account\":{\"id\":\"a\",\"type\":\"PERSONAL\"},"
                + "\"action\":\"FOLLOW\",\"target\":{\"role\":\"STUDENT\",\"dateOfBirth\":\"2030-01-01\"}}"),
                "$.target.dateOfBirth", "after the decision date");
    }

    @Test
    void missingFileExits2() {
        Cli r = Cli.run("decide", "no-such-file.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-file.json").contains("no such file");
    }

    @Test
    void usageErrorExits2AndHelpExits0() {
        assertThat(Cli.run("decide").code()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").code()).isEqualTo(2);
        Cli help = Cli.run("decide", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: smpolicy decide");
    }

    @org.junit.jupiter.api.Test
    void theTextFormatReadsAsAHeadTeacherWouldReadIt() {
        // Issue 24: the decision in words, with each clause's summary, what to do, and duties in UK time.
        Cli photo = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "--format", "text", "../examples/requests/student-photo-personal-account.json");
        assertThat(photo.code()).isZero();
        assertThat(photo.out()).startsWith("DENY: this must not go ahead.\n")
                .contains("DENY, clause 11.b (student pictures only through Federation-owned accounts):")
                .contains("What to do: post it from the school's Federation account instead of a personal account.")
                .doesNotContain("\"outcome\"");
        Cli comment = Cli.run("decide", "--now=2026-11-25T10:00:00Z", "--format", "text", "../examples/requests/comment-saturday.json");
        assertThat(comment.out()).contains("The account's runners, by Monday 30 November 2026, 17:00 (UK time): respond to the comment");
        // Not a terminal: JSON, as a host reading the output expects.
        assertThat(Cli.run("decide", "--now=2026-11-25T10:00:00Z", "../examples/requests/comment-saturday.json").out()).startsWith("{\"outcome\"");
    }

    @Test
    void aQuestionWithAnAlternativeSaysSoInTextAndJson() throws IOException {
        // A Federation post of a photo with nobody listed: "no pupils in it" or, instead, "the list is complete".
        Path f = tmp.resolve("nobody-listed.json");
        Files.writeString(f, """
                {"type": "publish", "account": {"id": "class3-blog", "type": "FEDERATION", "sltApproved": true},
                 "post": {"id": "p-2", "text": "Our new library", "author": "a-1", "affectsFederation": false, "seniorLeaderApproved": true},
                 "images": [{"id": "library-1", "people": [], "appropriatelyDressed": true, "subjectToRidicule": false}],
                 "actor": {"role": "STAFF", "readPolicy": true, "trained": true, "namedRunner": true}}
                """);
        Cli text = Cli.run("decide", NOW, "--format", "text", f.toString());
        assertThat(text.out()).startsWith("REVIEW")
                .contains("[$.images[0].showsStudents]\n    or instead: ")
                .contains("(yes) [$.images[0].peopleComplete]");
        JsonNode question = new ObjectMapper().readTree(Cli.run("decide", NOW, f.toString()).out()).path("questions").path(0);
        assertThat(question.path("path").asText()).isEqualTo("$.images[0].showsStudents");
        assertThat(question.path("alternatives").path(0).path("path").asText()).isEqualTo("$.images[0].peopleComplete");
        assertThat(question.path("alternatives").path(0).path("answer").asBoolean()).isTrue();
    }
}
