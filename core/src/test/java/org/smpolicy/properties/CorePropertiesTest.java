package org.smpolicy.properties;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;

/** Properties that need no rules: deadlines and the JSON reader. 1000 examples each. */
class CorePropertiesTest {

    static final int EXAMPLES = 1000;
    static final long FROM = Instant.parse("1971-01-01T00:00:00Z").getEpochSecond();
    static final long TO = Instant.parse("2100-12-31T00:00:00Z").getEpochSecond();

    /** The code under test for the deadline property; a test replaces it with a broken one. */
    interface Deadline {
        Instant due(WorkingCalendar calendar, Instant received, Duration window);
    }

    @Test
    void everyResponseDeadlineIsAfterReceiptAndOnAWorkingDay() {
        deadlines(WorkingCalendar::responseDeadline);
    }

    @Test
    void deadlinePropertyFailsForANaiveDeadline() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deadlines((cal, t, w) -> t.plus(w)))
                .hasMessageContaining("Property falsified").hasMessageContaining("Smallest found falsifying value");
    }

    static void deadlines(Deadline deadline) {
        qt().withExamples(EXAMPLES)
                .forAll(longs().between(FROM, TO), lists().of(integers().between(0, 20)).ofSizeBetween(0, 6), integers().between(1, 168))
                .check((second, closureOffsets, hours) -> {
                    Instant received = Instant.ofEpochSecond(second);
                    LocalDate day = received.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
                    WorkingCalendar cal = WorkingCalendar.englandAndWales()
                            .withClosures(closureOffsets.stream().map(day::plusDays).toList());
                    Instant due = deadline.due(cal, received, Duration.ofHours(hours));
                    return due.isAfter(received) && cal.isWorkingDay(cal.localDate(due));
                });
    }

    static final String VALID = "{\"type\":\"publish\",\"account\":{\"id\":\"a\",\"type\":\"PERSONAL\"},\"post\":{\"id\":\"p\","
            + "\"namesFederation\":true},\"images\":[{\"id\":\"i\",\"people\":[{\"role\":\"STUDENT\",\"consent\":{\"status\":\"GRANTED\","
            + "\"channels\":[\"SOCIAL_MEDIA\"],\"expires\":\"2027-01-01\"}}]}]}";

    static boolean onlyInvalidRequest(String input) {
        return onlyInvalidRequest(input, JsonCodec.strict()::readRequest);
    }

    static boolean onlyInvalidRequest(String input, java.util.function.Consumer<String> reader) {
        try {
            reader.accept(input);
            return true;
        } catch (InvalidRequestException e) {
            return !e.getMessage().contains("\n");
        }
    }

    @Test
    void garbageGetsOnlyTheDocumentedException() {
        qt().withExamples(EXAMPLES).forAll(strings().allPossible().ofLengthBetween(0, 200))
                .check(CorePropertiesTest::onlyInvalidRequest);
    }

    @Test
    void garbagePropertyFailsForAReaderThatLetsJacksonErrorsThrough() {
        com.fasterxml.jackson.databind.ObjectMapper raw = new com.fasterxml.jackson.databind.ObjectMapper();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> qt().withExamples(EXAMPLES)
                        .forAll(strings().allPossible().ofLengthBetween(0, 200))
                        .check(s -> onlyInvalidRequest(s, in -> {
                            try {
                                raw.readTree(in);
                            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                                throw new IllegalStateException(e);
                            }
                        })))
                .hasMessageContaining("Property falsified").hasMessageContaining("Smallest found falsifying value");
    }

    @Test
    void mutatedDocumentsGetOnlyTheDocumentedException() {
        List<String> inserts = List.of("", "}", "{", "]", "[", "\"", ",", ":", "null", "true", "1e999", "-1", "\"x\":1,", "\\u0000", "NaN");
        qt().withExamples(EXAMPLES)
                .forAll(integers().between(0, VALID.length()), integers().between(0, 40), integers().between(0, inserts.size() - 1))
                .check((at, cut, insert) -> {
                    String truncated = VALID.substring(0, at);
                    String mutated = VALID.substring(0, at) + inserts.get(insert) + VALID.substring(Math.min(VALID.length(), at + cut % 5));
                    return onlyInvalidRequest(truncated) && onlyInvalidRequest(mutated);
                });
    }
}
