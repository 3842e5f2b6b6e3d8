package org.smpolicy.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates and timestamps only as ISO-8601 strings: no epoch numbers, no arrays, and timestamps
 * must carry an offset (a time without one is ambiguous across the clock change).
 */
final class StrictDates {

    private StrictDates() {
    }

    static final class Timestamp extends StdDeserializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        Timestamp() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String s = p.getText();
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(s, OffsetDateTime.class, "expected an ISO-8601 timestamp with an offset");
            }
        }
    }

    static final class Date extends StdDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String s = p.getText();
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(s, LocalDate.class, "expected a date as YYYY-MM-DD");
            }
        }
    }
}
