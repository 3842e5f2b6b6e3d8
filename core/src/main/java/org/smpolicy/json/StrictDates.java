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
import java.util.function.Function;

/**
 * Dates and timestamps only as ISO-8601 strings: no epoch numbers, no arrays, and timestamps
 * must carry an offset (a time without one is ambiguous across the clock change).
 */
final class StrictDates<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;

    private final transient Function<String, T> parse;
    private final String expected;

    private StrictDates(Class<T> type, Function<String, T> parse, String expected) {
        super(type);
        this.parse = parse;
        this.expected = expected;
    }

    static StrictDates<OffsetDateTime> timestamps() {
        return new StrictDates<>(OffsetDateTime.class, s -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "expected an ISO-8601 timestamp with an offset");
    }

    static StrictDates<LocalDate> dates() {
        return new StrictDates<>(LocalDate.class, LocalDate::parse, "expected a date as YYYY-MM-DD");
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
        String s = p.getText();
        try {
            return parse.apply(s);
        } catch (DateTimeParseException e) {
            throw ctxt.weirdStringException(s, handledType(), expected);
        }
    }
}
