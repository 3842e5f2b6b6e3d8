package org.smpolicy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BankHolidaysTest {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void year2026MatchesThePublishedList() {
        assertThat(BankHolidays.englandAndWales(2026).keySet()).containsExactly(
                d("2026-01-01"), d("2026-04-03"), d("2026-04-06"), d("2026-05-04"), d("2026-05-25"),
                d("2026-08-31"), d("2026-12-25"), d("2026-12-28"));
        assertThat(BankHolidays.name(d("2026-12-28"))).hasValue("Boxing Day (substitute day)");
    }

    @Test
    void year2027HasSubstituteDaysForChristmasAndBoxingDay() {
        assertThat(BankHolidays.englandAndWales(2027).keySet()).containsExactly(
                d("2027-01-01"), d("2027-03-26"), d("2027-03-29"), d("2027-05-03"), d("2027-05-31"),
                d("2027-08-30"), d("2027-12-27"), d("2027-12-28"));
    }

    @Test
    void years2023To2025MatchThePublishedLists() {
        assertThat(BankHolidays.englandAndWales(2023).keySet()).containsExactly(
                d("2023-01-02"), d("2023-04-07"), d("2023-04-10"), d("2023-05-01"), d("2023-05-08"),
                d("2023-05-29"), d("2023-08-28"), d("2023-12-25"), d("2023-12-26"));
        assertThat(BankHolidays.englandAndWales(2024).keySet()).containsExactly(
                d("2024-01-01"), d("2024-03-29"), d("2024-04-01"), d("2024-05-06"), d("2024-05-27"),
                d("2024-08-26"), d("2024-12-25"), d("2024-12-26"));
        assertThat(BankHolidays.englandAndWales(2025).keySet()).containsExactly(
                d("2025-01-01"), d("2025-04-18"), d("2025-04-21"), d("2025-05-05"), d("2025-05-26"),
                d("2025-08-25"), d("2025-12-25"), d("2025-12-26"));
    }

    @Test
    void movedAndOneOffHolidaysAreKnown() {
        assertThat(BankHolidays.isBankHoliday(d("2020-05-08"))).isTrue();
        assertThat(BankHolidays.isBankHoliday(d("2020-05-04"))).isFalse();
        assertThat(BankHolidays.isBankHoliday(d("2022-06-02"))).isTrue();
        assertThat(BankHolidays.isBankHoliday(d("2022-06-03"))).isTrue();
        assertThat(BankHolidays.isBankHoliday(d("2022-05-30"))).isFalse();
        assertThat(BankHolidays.isBankHoliday(d("2022-09-19"))).isTrue();
        assertThat(BankHolidays.isBankHoliday(d("2011-04-29"))).isTrue();
        assertThat(BankHolidays.isBankHoliday(d("1999-12-31"))).isTrue();
        assertThat(BankHolidays.isBankHoliday(d("2012-06-04"))).isTrue();
        assertThat(BankHolidays.isBankHoliday(d("2012-06-05"))).isTrue();
    }

    @Test
    void easterIsComputedForAnyYear() {
        assertThat(BankHolidays.easterSunday(2000)).isEqualTo(d("2000-04-23"));
        assertThat(BankHolidays.easterSunday(2019)).isEqualTo(d("2019-04-21"));
        assertThat(BankHolidays.easterSunday(2038)).isEqualTo(d("2038-04-25"));
        assertThat(BankHolidays.easterSunday(2285)).isEqualTo(d("2285-03-22"));
    }

    @Test
    void unsupportedYearsAreRejected() {
        assertThatThrownBy(() -> BankHolidays.englandAndWales(1970)).hasMessageContaining("`1970`");
    }
}
