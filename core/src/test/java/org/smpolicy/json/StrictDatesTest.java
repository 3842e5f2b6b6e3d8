package org.smpolicy.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Dates and timestamps read digit by digit give what the ISO formatter gives, and refuse what it
 * refuses: over strings of the usual shapes with any digits (30 February, hour 24, month 13) and
 * with one character changed anywhere.
 */
class StrictDatesTest {

    /** The result, or the kind of failure: both readers must agree on either. */
    static String outcome(Function<String, ?> read, String s) {
        try {
            return String.valueOf(read.apply(s));
        } catch (RuntimeException e) {
            return "refused: " + e.getClass().getSimpleName();
        }
    }

    static String shaped(Random r, boolean time) {
        String day = String.format("%04d-%02d-%02d", r.nextInt(10_000), r.nextInt(14), r.nextInt(33));
        String s = time ? day + String.format("T%02d:%02d:%02dZ", r.nextInt(26), r.nextInt(62), r.nextInt(62)) : day;
        if (r.nextInt(4) == 0) {
            char[] c = s.toCharArray();
            c[r.nextInt(c.length)] = "0123456789-:TZ+x /".charAt(r.nextInt(18));
            s = new String(c);
        }
        return s;
    }

    @Test
    void datesReadAsTheFormatterReadsThem() {
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
            String s = shaped(new Random(seed), false);
            assertThat(outcome(StrictDates::date, s)).as(s).isEqualTo(outcome(LocalDate::parse, s));
        });
    }

    @Test
    void timestampsReadAsTheFormatterReadsThem() {
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
            String s = shaped(new Random(seed), true);
            assertThat(outcome(StrictDates::timestamp, s)).as(s)
                    .isEqualTo(outcome(x -> OffsetDateTime.parse(x, DateTimeFormatter.ISO_OFFSET_DATE_TIME), s));
        });
    }

    @Test
    void validValuesOfEveryDayAreReadExactly() {
        qt().withExamples(5_000).forAll(integers().between(0, 3_000_000)).checkAssert(n -> {
            LocalDate d = LocalDate.of(1900, 1, 1).plusDays(n % 146_000);
            assertThat(StrictDates.date(d.toString())).isEqualTo(d);
            String t = d + "T" + String.format("%02d:%02d:%02dZ", n % 24, n % 60, (n / 7) % 60);
            assertThat(StrictDates.timestamp(t)).isEqualTo(OffsetDateTime.parse(t));
        });
    }
}
