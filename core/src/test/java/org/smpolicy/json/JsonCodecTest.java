package org.smpolicy.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smpolicy.Decision;
import org.smpolicy.Effect;
import org.smpolicy.Finding;
import org.smpolicy.InvalidRequestException;
import org.smpolicy.Obligation;
import org.smpolicy.Outcome;
import org.smpolicy.model.Role;
import org.smpolicy.model.AccountType;
import org.smpolicy.model.Answer;
import org.smpolicy.model.IncomingMessage;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.model.PublishRequest;

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
    void oversizedDocumentIsRejectedBeforeParsing() {
        JsonCodec small = JsonCodec.of(new JsonLimits(100, 8, 50), java.time.ZoneOffset.UTC);
        assertThatThrownBy(() -> small.readRequest("{\"type\":\"contact\",\"x\":\"" + "a".repeat(200) + "\"}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("larger than the limit of 100 bytes");
    }
}
