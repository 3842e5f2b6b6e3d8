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
        return new StrictDates<>(OffsetDateTime.class, StrictDates::timestamp, "expected an ISO-8601 timestamp with an offset");
    }

    static StrictDates<LocalDate> dates() {
        return new StrictDates<>(LocalDate.class, StrictDates::date, "expected a date as YYYY-MM-DD");
    }

    // The usual forms, `2026-11-25` and `2026-11-25T10:00:00Z`, are read digit by digit: the
    // formatter's parse is a tenth of reading a whole request. Anything else, and any value out of
    // range (a 30 February), goes to the formatter, which accepts or refuses it as before.
    static LocalDate date(String s) {
        LocalDate day = s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' ? fastDate(s) : null;
        return day != null ? day : LocalDate.parse(s);
    }

    static OffsetDateTime timestamp(String s) {
        if (s.length() == 20 && s.charAt(10) == 'T' && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            LocalDate day = s.charAt(4) == '-' && s.charAt(7) == '-' ? fastDate(s) : null;
            int h = digits(s, 11, 2);
            int min = digits(s, 14, 2);
            int sec = digits(s, 17, 2);
            if (day != null && h >= 0 && h <= 23 && min >= 0 && min <= 59 && sec >= 0 && sec <= 59) {
                return OffsetDateTime.of(day, java.time.LocalTime.of(h, min, sec), java.time.ZoneOffset.UTC);
            }
        }
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** @return the date, or null unless it is plainly valid (days 29 to 31 are left to the formatter) */
    private static LocalDate fastDate(String s) {
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 2);
        int d = digits(s, 8, 2);
        return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 28 ? LocalDate.of(y, m, d) : null;
    }

    /** @return the number the {@code n} ASCII digits at {@code from} spell, or -1 if any is not one */
    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
