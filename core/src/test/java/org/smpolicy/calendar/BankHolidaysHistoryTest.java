package org.smpolicy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The early years of the Banking and Financial Dealings Act, each held against a list written
 * from the published record (not from the computation): New Year's Day only from 1974, the early
 * May holiday only from 1978, the 1977 Silver Jubilee (spring holiday moved to 6 June, 7 June
 * added), the 1973 and 1981 royal weddings.
 */
class BankHolidaysHistoryTest {

    static final Map<Integer, List<String>> PUBLISHED = Map.ofEntries(
            Map.entry(1971, List.of("1971-04-09", "1971-04-12", "1971-05-31", "1971-08-30", "1971-12-27", "1971-12-28")),
            Map.entry(1972, List.of("1972-03-31", "1972-04-03", "1972-05-29", "1972-08-28", "1972-12-25", "1972-12-26")),
            Map.entry(1973, List.of("1973-04-20", "1973-04-23", "1973-05-28", "1973-08-27", "1973-11-14", "1973-12-25", "1973-12-26")),
            Map.entry(1974, List.of("1974-01-01", "1974-04-12", "1974-04-15", "1974-05-27", "1974-08-26", "1974-12-25", "1974-12-26")),
            Map.entry(1975, List.of("1975-01-01", "1975-03-28", "1975-03-31", "1975-05-26", "1975-08-25", "1975-12-25", "1975-12-26")),
            Map.entry(1976, List.of("1976-01-01", "1976-04-16", "1976-04-19", "1976-05-31", "1976-08-30", "1976-12-27", "1976-12-28")),
            Map.entry(1977, List.of("1977-01-03", "1977-04-08", "1977-04-11", "1977-06-06", "1977-06-07", "1977-08-29", "1977-12-26",
                    "1977-12-27")),
            Map.entry(1978, List.of("1978-01-02", "1978-03-24", "1978-03-27", "1978-05-01", "1978-05-29", "1978-08-28", "1978-12-25",
                    "1978-12-26")),
            Map.entry(1979, List.of("1979-01-01", "1979-04-13", "1979-04-16", "1979-05-07", "1979-05-28", "1979-08-27", "1979-12-25",
                    "1979-12-26")),
            Map.entry(1980, List.of("1980-01-01", "1980-04-04", "1980-04-07", "1980-05-05", "1980-05-26", "1980-08-25", "1980-12-25",
                    "1980-12-26")),
            Map.entry(1981, List.of("1981-01-01", "1981-04-17", "1981-04-20", "1981-05-04", "1981-05-25", "1981-07-29", "1981-08-31",
                    "1981-12-25", "1981-12-28")));

    @ParameterizedTest
    @ValueSource(ints = {1971, 1972, 1973, 1974, 1975, 1976, 1977, 1978, 1979, 1980, 1981})
    void earlyYearsMatchThePublishedRecord(int year) {
        assertThat(BankHolidays.englandAndWales(year).keySet()).map(LocalDate::toString).containsExactlyElementsOf(PUBLISHED.get(year));
    }

    @Test
    void theIssuesDaysAreRight() {
        WorkingCalendar c = WorkingCalendar.englandAndWales();
        assertThat(c.isWorkingDay(LocalDate.of(1977, 6, 7))).isFalse();
        assertThat(c.isWorkingDay(LocalDate.of(1981, 7, 29))).isFalse();
        assertThat(c.isWorkingDay(LocalDate.of(1973, 1, 1))).isTrue();
    }

    @Test
    void yearsBeforeTheActAreRefusedWithAMessage() {
        assertThatThrownBy(() -> WorkingCalendar.englandAndWales().isWorkingDay(LocalDate.of(1970, 6, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supported years are 1971 to 9999");
    }
}
