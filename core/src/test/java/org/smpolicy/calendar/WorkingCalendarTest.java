package org.smpolicy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    static final Duration DAY = Duration.ofHours(24);
    final WorkingCalendar cal = WorkingCalendar.englandAndWales();

    static Instant london(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), java.time.ZoneId.of("Europe/London")).toInstant();
    }

    Instant due(String receivedLondon) {
        return cal.responseDeadline(london(receivedLondon), DAY);
    }

    @Test
    void saturdayReceiptIsDueByTheEndOfMonday() {
        assertThat(due("2026-11-28T10:00")).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void weekdayReceiptIsDue24HoursLater() {
        assertThat(due("2026-11-23T09:00")).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void fridayReceiptWhoseWindowEndsOnSaturdayIsDueByTheEndOfMonday() {
        assertThat(due("2026-11-27T10:00")).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void goodFridayAndEasterMondayAreNotWorkingDays() {
        assertThat(cal.whyNotWorking(LocalDate.parse("2026-04-03"))).hasValue("Good Friday");
        assertThat(cal.isWorkingDay(LocalDate.parse("2026-04-06"))).isFalse();
        // Thursday before Easter: the window ends on Good Friday, so due by the end of Tuesday.
        assertThat(due("2026-04-02T11:00")).isEqualTo(london("2026-04-07T17:00"));
        // Received on Easter Monday: due by the end of Tuesday.
        assertThat(due("2026-04-06T08:00")).isEqualTo(london("2026-04-07T17:00"));
    }

    @Test
    void christmasAndNewYearRunIsSkipped() {
        // Thursday 24 December: the window ends on Christmas Day; Boxing Day substitute is Monday 28.
        assertThat(due("2026-12-24T10:00")).isEqualTo(Instant.parse("2026-12-29T17:00:00Z"));
        // Thursday 31 December: the window ends on New Year's Day, due by the end of Monday 4 January.
        assertThat(due("2026-12-31T10:00")).isEqualTo(Instant.parse("2027-01-04T17:00:00Z"));
    }

    @Test
    void substituteBankHolidayIsNotAWorkingDay() {
        // 2027: Christmas falls on a Saturday, substitutes are Monday 27 and Tuesday 28 December.
        assertThat(cal.whyNotWorking(LocalDate.parse("2027-12-27"))).hasValue("Christmas Day (substitute day)");
        assertThat(due("2027-12-24T09:00")).isEqualTo(Instant.parse("2027-12-29T17:00:00Z"));
    }

    @Test
    void lateEveningInLondonIsReadAsTheLondonDate() {
        // Sunday 2026-06-28 23:30 BST is 22:30Z Sunday; Friday 2026-07-03 23:30 BST is 22:30Z Friday.
        // 00:30 BST on Saturday 2026-07-04 is still 23:30Z on Friday in UTC: London says weekend.
        assertThat(due("2026-07-04T00:30")).isEqualTo(london("2026-07-06T17:00"));
        assertThat(due("2026-07-04T00:30")).isEqualTo(Instant.parse("2026-07-06T16:00:00Z"));
        // 00:30 BST on Monday 2026-07-06 is 23:30Z on Sunday: London says working day, due Tuesday 00:30 BST.
        assertThat(due("2026-07-06T00:30")).isEqualTo(Instant.parse("2026-07-06T23:30:00Z"));
    }

    @Test
    void closureDaysArePassedOver() {
        WorkingCalendar closed = cal.withClosures(List.of(LocalDate.parse("2026-11-30")));
        assertThat(closed.whyNotWorking(LocalDate.parse("2026-11-30"))).hasValue("school closure day");
        assertThat(closed.responseDeadline(london("2026-11-28T10:00"), DAY)).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
        assertThat(cal.closures()).isEmpty();
    }

    @Test
    void clockChangeWeekendKeepsLocalEndOfDay() {
        // Clocks go back on Sunday 25 October 2026: Monday's 17:00 is 17:00Z.
        assertThat(due("2026-10-24T12:00")).isEqualTo(Instant.parse("2026-10-26T17:00:00Z"));
        // Clocks go forward on Sunday 29 March 2026: Monday's 17:00 is 16:00Z.
        assertThat(due("2026-03-28T12:00")).isEqualTo(Instant.parse("2026-03-30T16:00:00Z"));
    }

    @Test
    void everyHourOfTwoYearsGetsADeadlineAfterReceiptOnAWorkingDay() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2028-01-01T00:00:00Z");
        int checked = 0;
        for (; t.isBefore(end); t = t.plus(Duration.ofHours(1)), checked++) {
            Instant due = cal.responseDeadline(t, DAY);
            assertThat(due).as("received %s", t).isAfter(t);
            assertThat(cal.isWorkingDay(cal.localDate(due))).as("due %s for %s", due, t).isTrue();
        }
        assertThat(checked).isEqualTo(17520);
    }

    @Test
    void aWindowInWorkingDaysEndsAtTheEndOfTheNthWorkingDayAfterArrival() {
        // Tuesday 10:00 -> end of Wednesday (17:00 GMT); 24 hours would be Wednesday 10:00.
        assertThat(cal.workingDaysDeadline(java.time.Instant.parse("2026-11-24T10:00:00Z"), 1)).isEqualTo(java.time.Instant.parse("2026-11-25T17:00:00Z"));
        // Friday and Saturday both -> end of Monday.
        assertThat(cal.workingDaysDeadline(java.time.Instant.parse("2026-11-27T10:00:00Z"), 1)).isEqualTo(java.time.Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(cal.workingDaysDeadline(java.time.Instant.parse("2026-11-28T10:00:00Z"), 1)).isEqualTo(java.time.Instant.parse("2026-11-30T17:00:00Z"));
        // Two working days from Wednesday 23 December 2026: Christmas and Boxing Day (substitute Monday 28th) are skipped.
        assertThat(cal.workingDaysDeadline(java.time.Instant.parse("2026-12-23T10:00:00Z"), 2)).isEqualTo(java.time.Instant.parse("2026-12-29T17:00:00Z"));
        // In summer time the end of the day is 16:00 UTC.
        assertThat(cal.workingDaysDeadline(java.time.Instant.parse("2027-06-01T10:00:00Z"), 1)).isEqualTo(java.time.Instant.parse("2027-06-02T16:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cal.workingDaysDeadline(java.time.Instant.parse("2027-06-01T10:00:00Z"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
