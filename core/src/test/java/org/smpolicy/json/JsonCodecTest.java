package org.smpolicy.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Effect;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;
import org.smpolicy.decision.Outcome;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.io.JsonLimits;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Answer;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;
import org.smpolicy.model.Role;

class JsonCodecTest {

    final JsonCodec json = JsonCodec.strict();

    InvalidRequestException error(String doc) {
        try {
            json.readRequest(doc);
        } catch (InvalidRequestException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + doc);
    }

    @Test
    void readsAPublishRequestWithNestedImages() {
        PolicyRequest r = json.readRequest("""
                {"type":"publish","account":{"id":"a","type":"PERSONAL"},"post":{"id":"p"},
                 "images":[{"id":"i","people":[{"role":"STUDENT"}],"appropriatelyDressed":true}]}""");
        PublishRequest p = (PublishRequest) r;
        assertThat(p.account().type()).isEqualTo(AccountType.PERSONAL);
        assertThat(p.images().get(0).showsStudents()).isEqualTo(Answer.YES);
        assertThat(p.images().get(0).appropriatelyDressed()).isEqualTo(Answer.YES);
        assertThat(p.images().get(0).subjectToRidicule()).isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void missingNestedFieldNamesItsPath() {
        InvalidRequestException e = error("""
                {"type":"publish","account":{"id":"a","type":"PERSONAL"},"post":{"id":"p"},
                 "images":[{"id":"i"},{"id":"j","people":[{"ref":"x"}]}]}""");
        assertThat(e.path()).isEqualTo("$.images[1].people[0].role");
        assertThat(e.getMessage()).contains("missing required field `role`");
    }

    @Test
    void unknownEnumValueNamesPathAndChoices() {
        InvalidRequestException e = error("{\"type\":\"contact\",\"channel\":\"FAX\",\"recipientRole\":\"PARENT\"}");
        assertThat(e.path()).isEqualTo("$.channel");
        assertThat(e.getMessage()).contains("`FAX`").contains("OFFICIAL_EMAIL");
    }

    @Test
    void unknownTypeAndMissingTypeAreRejected() {
        assertThat(error("{\"type\":\"tweet\"}").getMessage()).contains("unknown request type `tweet`");
        assertThat(error("{}").path()).isEqualTo("$.type");
    }

    @Test
    void timestampWithoutOffsetIsRejected() {
        InvalidRequestException e = error("""
                {"type":"incoming-message","account":{"id":"a","type":"FEDERATION"},"kind":"COMMENT",
                 "senderRole":"PARENT","receivedAt":"2026-11-28T10:00:00"}""");
        assertThat(e.path()).isEqualTo("$.receivedAt");
        assertThat(e.getMessage()).contains("offset");
    }

    @Test
    void offsetIsKeptAndInstantIsRight() {
        IncomingMessage m = (IncomingMessage) json.readRequest("""
                {"type":"incoming-message","account":{"id":"a","type":"FEDERATION"},"kind":"COMMENT",
                 "senderRole":"PARENT","receivedAt":"2026-07-03T23:30:00+01:00"}""");
        assertThat(m.receivedAt().toInstant()).isEqualTo(Instant.parse("2026-07-03T22:30:00Z"));
    }

    @Test
    void duplicateKeysAndTrailingGarbageAreRejected() {
        assertThat(error("{\"type\":\"contact\",\"type\":\"contact\"}").getMessage()).contains("Duplicate field");
        assertThat(error("{\"type\":\"contact\",\"channel\":\"OFFICIAL_EMAIL\",\"recipientRole\":\"PARENT\"} {}").getMessage())
                .isNotBlank();
    }

    @Test
    void stringForABooleanIsRejected() {
        InvalidRequestException e = error("{\"type\":\"publish\",\"account\":{\"id\":\"a\",\"type\":\"PERSONAL\","
                + "\"disclaimer\":\"yes\"},\"post\":{\"id\":\"p\"}}");
        assertThat(e.path()).isEqualTo("$.account.disclaimer");
    }

    @Test
    void decisionSurvivesARoundTrip() {
        Decision d = new Decision(Outcome.DENY,
                List.of(Finding.of(List.of("11.b"), "publish.x", Effect.DENY, "no", "post it elsewhere"),
                        new Finding("14.a, c-j", List.of("14.a, c-j"), "publish.y", Effect.ADVICE, "mind", Optional.empty())),
                List.of(new Obligation("6", List.of("6"), "responses.r", Role.ACCOUNT_RUNNERS, "RESPOND", "reply",
                        Instant.parse("2026-07-06T16:00:00Z"))),
                "publish", "2023-01-23", "baseline");
        String text = json.writeDecision(d);
        assertThat(text).contains("\"due\":\"2026-07-06T17:00:00+01:00\"");
        assertThat(json.readDecision(text)).isEqualTo(d);
    }

    @Test
    void aDecisionIsWrittenInItsOwnZoneAndReadBackWithIt() {
        Obligation duty = new Obligation("6", List.of("6"), "responses.r", Role.ACCOUNT_RUNNERS, "RESPOND", "reply",
                Instant.parse("2026-07-06T16:00:00Z"));
        Decision tokyo = new Decision(Outcome.ALLOW, List.of(), List.of(duty), "publish", "2023-01-23", "far-away",
                java.time.ZoneId.of("Asia/Tokyo"),
                Optional.of(new Decision.Change(Instant.parse("2026-09-01T00:00:00Z"), Outcome.DENY)));
        String text = json.writeDecision(tokyo);
        assertThat(text).contains("\"zone\":\"Asia/Tokyo\"", "\"due\":\"2026-07-07T01:00:00+09:00\"",
                "\"validUntil\":\"2026-09-01T09:00:00+09:00\"", "\"outcomeThen\":\"DENY\"");
        assertThat(json.readDecision(text)).isEqualTo(tokyo);
        // the same codec, a decision from London: no zone is remembered between calls
        assertThat(json.writeDecision(new Decision(Outcome.ALLOW, List.of(), List.of(duty), "publish", "v", "baseline")))
                .contains("\"due\":\"2026-07-06T17:00:00+01:00\"");
        assertThat(json.toTree(tokyo).get("obligations").get(0).get("due").asText()).isEqualTo("2026-07-07T01:00:00+09:00");
    }

    @Test
    void aDecisionIsReadStrictly() {
        String ok = json.writeDecision(new Decision(Outcome.ALLOW, List.of(), List.of(), "publish", "v", "baseline"));
        assertThatThrownBy(() -> json.readDecision(ok.replace("\"profile\":\"baseline\",", "")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("$.profile: missing required field `profile`");
        assertThatThrownBy(() -> json.readDecision(ok.replace("{", "{\"extra\":1,")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("$.extra: unknown field `extra`");
        assertThatThrownBy(() -> json.readDecision(ok.replace("\"outcome\":\"ALLOW\"", "\"outcome\":\"MAYBE\"")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("$.outcome: unknown value `MAYBE`");
        String withDuty = json.writeDecision(new Decision(Outcome.ALLOW, List.of(), List.of(new Obligation("6", List.of("6"),
                "responses.r", Role.ACCOUNT_RUNNERS, "RESPOND", "reply", Instant.EPOCH)), "publish", "v", "baseline"));
        assertThatThrownBy(() -> json.readDecision(withDuty.replace("1970-01-01T01:00:00+01:00", "soon")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("$.obligations[0].due: ");
        assertThatThrownBy(() -> json.readDecision(withDuty.replace("\"action\":\"RESPOND\",", "")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("$.obligations[0].action: missing required field `action`");
    }

    @Test
    void aCorpusLineIsARequestOrALoggedRequestReadAsStrictly() {
        String contact = "{\"type\":\"contact\",\"channel\":\"OFFICIAL_EMAIL\",\"recipientRole\":\"PARENT\"}";
        assertThat(json.readCorpusLine(contact)).isEqualTo(json.readRequest(contact));
        String logged = "{\"at\":\"2026-11-25T10:00:00Z\",\"outcome\":\"ALLOW\",\"request\":" + contact + "}";
        assertThat(json.readCorpusLine(logged)).isEqualTo(json.readRequest(contact));
        // a duplicate key inside a logged request is refused, as in a request line
        assertThatThrownBy(() -> json.readCorpusLine(logged.replace("\"recipientRole\":\"PARENT\"",
                "\"recipientRole\":\"PARENT\",\"recipientRole\":\"STAFF\"")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("recipientRole");
        assertThatThrownBy(() -> json.readCorpusLine(logged.replace("OFFICIAL_EMAIL", "FAX")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("$.request.channel: unknown value `FAX`");
        // a request line keeps the request reader's own message
        assertThatThrownBy(() -> json.readCorpusLine("{\"type\":\"tweet\"}")).hasMessage(error("{\"type\":\"tweet\"}").getMessage());
    }

    @Test
    void malformedJsonHoldsTheOffendingTextApartSoAServiceCanDropIt() {
        InvalidRequestException e = error("{\"type\":\"publish\",\"caption\": Jane Smith}");
        assertThat(e.getMessage()).startsWith("$: malformed JSON at line 1").contains("`Jane`");
        assertThat(e.diagnostic().code()).isEqualTo(org.smpolicy.diagnostic.Diagnostic.Code.MALFORMED_JSON);
        assertThat(e.diagnostic().value()).isEqualTo("Jane");
        assertThat(e.diagnostic().message()).doesNotContain("Jane");
        assertThat(e.withoutValues()).doesNotContain("Jane");
    }

    @Test
    void aValueWritingItsOwnBackticksIsStillLeftOut() {
        // a regular expression over backticks let the text after a value's own backtick through
        InvalidRequestException e = error("{\"type\":\"contact\",\"channel\":\"x`Jane Smith\",\"recipientRole\":\"PARENT\"}");
        assertThat(e.getMessage()).contains("Jane Smith");
        assertThat(e.withoutValues()).isEqualTo("$.channel: unknown value `…`; expected one of " + java.util.Arrays.toString(
                org.smpolicy.model.ContactChannel.values())).doesNotContain("Jane");
        // Jackson's own words quote a value in double quotes: held apart too
        InvalidRequestException coerced = error("{\"type\":\"publish\",\"account\":{\"id\":\"a\",\"type\":\"PERSONAL\",\"disclaimer\":\"Jane\"},"
                + "\"post\":{\"id\":\"p\"}}");
        assertThat(coerced.getMessage()).contains("Jane");
        assertThat(coerced.withoutValues()).startsWith("$.account.disclaimer: expected true or false: ").doesNotContain("Jane");
    }

    @Test
    void anOddKeyIsNamedSoThatItsLineIsFound() {
        InvalidRequestException e = error("{\"type\":\"contact\",\n\"channel\":\"OFFICIAL_EMAIL\",\n\"recipientRole\":\"PARENT\",\n\"chan.nel\":1}");
        assertThat(e.path()).isEqualTo("$['chan.nel']");
        assertThat(e.line()).hasValue(4);
    }

    @Test
    void aDecisionWrittenBeforeDecisionsCarriedTheirZoneIsReadInEngland() {
        String old = json.writeDecision(new Decision(Outcome.ALLOW, List.of(), List.of(), "publish", "v", "baseline"))
                .replace("\"zone\":\"Europe/London\",", "");
        assertThat(old).doesNotContain("zone");
        assertThat(json.readDecision(old).zone()).isEqualTo(org.smpolicy.calendar.WorkingCalendar.ENGLAND);
    }

    @Test
    void aLogLineMayBeLongerThanARequestMayBe() {
        JsonCodec small = JsonCodec.of(new JsonLimits(200, 16, 1000));
        String contact = "{\"type\":\"contact\",\"channel\":\"OFFICIAL_EMAIL\",\"recipientRole\":\"PARENT\"}";
        String logged = "{\"decision\":\"" + "x".repeat(300) + "\",\"request\":" + contact + "}";
        assertThat(small.readCorpusLine(logged)).isEqualTo(small.readRequest(contact));
        assertThatThrownBy(() -> small.readCorpusLine(contact.replace("PARENT\"", "PARENT\",\"x\":\"" + "y".repeat(300) + "\"")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("larger than the limit of 200 bytes");
    }

    @Test
    void oversizedDocumentIsRejectedBeforeParsing() {
        JsonCodec small = JsonCodec.of(new JsonLimits(100, 8, 50));
        assertThatThrownBy(() -> small.readRequest("{\"type\":\"contact\",\"x\":\"" + "a".repeat(200) + "\"}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("larger than the limit of 100 bytes");
    }
}
