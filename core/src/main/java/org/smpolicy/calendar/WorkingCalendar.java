package org.smpolicy.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working days and response deadlines: Monday to Friday in a time zone, minus England and Wales
 * bank holidays and the school's closure days. Immutable and thread-safe.
 *
 * <pre>{@code
 * WorkingCalendar cal = WorkingCalendar.englandAndWales().withClosures(List.of(LocalDate.of(2026, 12, 21)));
 * Instant due = cal.responseDeadline(Instant.parse("2026-11-28T10:00:00Z"), Duration.ofHours(24));
 * // 2026-11-30T17:00:00Z: received on a Saturday, due by the end of Monday
 * }</pre>
 */
public final class WorkingCalendar {

    /** The zone of schools in England: the default for calendars, profiles and decisions. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** How far ahead a search for a working day goes before giving up. */
    private static final int MAX_SEARCH_DAYS = 3660;

    private final ZoneId zone;
    private final LocalTime endOfWorkingDay;
    private final SortedSet<LocalDate> closures;
    private final HolidayFeed feed;

    private WorkingCalendar(ZoneId zone, LocalTime endOfWorkingDay, SortedSet<LocalDate> closures) {
        this(zone, endOfWorkingDay, closures, null);
    }

    private WorkingCalendar(ZoneId zone, LocalTime endOfWorkingDay, SortedSet<LocalDate> closures, HolidayFeed feed) {
        this.zone = zone;
        this.endOfWorkingDay = endOfWorkingDay;
        this.closures = Collections.unmodifiableSortedSet(closures);
        this.feed = feed;
    }

    /**
     * @param feed the official bank holiday feed; for the years it covers it replaces the
     *             computed holidays (it may add one-off days the computation does not know)
     * @return a calendar using it
     */
    public WorkingCalendar withHolidays(HolidayFeed feed) {
        return new WorkingCalendar(zone, endOfWorkingDay, new TreeSet<>(closures), Objects.requireNonNull(feed, "feed"));
    }

    /** @return Monday to Friday in Europe/London minus England and Wales bank holidays; working days end at 17:00 */
    public static WorkingCalendar englandAndWales() {
        return new WorkingCalendar(ENGLAND, LocalTime.of(17, 0), new TreeSet<>());
    }

    /**
     * @param days school closure days, added to the ones this calendar has
     * @return a calendar that also treats those days as non-working
     */
    public WorkingCalendar withClosures(Collection<LocalDate> days) {
        Objects.requireNonNull(days, "days");
        TreeSet<LocalDate> all = new TreeSet<>(closures);
        for (LocalDate d : days) {
            all.add(Objects.requireNonNull(d, "closure day"));
        }
        return new WorkingCalendar(zone, endOfWorkingDay, all, feed);
    }

    /**
     * The staff calendar: closure days are pupil-free (INSET days, closures to pupils), not
     * staff-free, so a duty that falls to staff on their own account (a leaver's last working day)
     * counts them as working days. Weekends and bank holidays stay non-working.
     *
     * @return this calendar without its closure days
     */
    public WorkingCalendar forStaff() {
        return closures.isEmpty() ? this : new WorkingCalendar(zone, endOfWorkingDay, new TreeSet<>(), feed);
    }

    /**
     * @param zone the time zone dates are read in
     * @return a calendar in that zone
     */
    public WorkingCalendar withZone(ZoneId zone) {
        return new WorkingCalendar(Objects.requireNonNull(zone, "zone"), endOfWorkingDay, new TreeSet<>(closures), feed);
    }

    /**
     * @param time when a working day ends, local time
     * @return a calendar whose working days end then
     */
    public WorkingCalendar withEndOfWorkingDay(LocalTime time) {
        return new WorkingCalendar(zone, Objects.requireNonNull(time, "time"), new TreeSet<>(closures), feed);
    }

    /** @return the time zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return when a working day ends, local time */
    public LocalTime endOfWorkingDay() {
        return endOfWorkingDay;
    }

    /** @return the school closure days */
    public SortedSet<LocalDate> closures() {
        return closures;
    }

    /**
     * @param day a date
     * @return whether it is a working day
     */
    public boolean isWorkingDay(LocalDate day) {
        return whyNotWorking(day).isEmpty();
    }

    /**
     * @param day a date
     * @return why it is not a working day ("Saturday", a bank holiday's name, "school closure day"), or empty
     */
    public Optional<String> whyNotWorking(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            return Optional.of("Saturday");
        }
        if (dow == DayOfWeek.SUNDAY) {
            return Optional.of("Sunday");
        }
        Optional<String> holiday = feed != null && feed.years().contains(day.getYear())
                ? Optional.ofNullable(feed.holidays().get(day)) : BankHolidays.name(day);
        if (holiday.isPresent()) {
            return holiday;
        }
        return closures.contains(day) ? Optional.of("school closure day") : Optional.empty();
    }

    /**
     * @param day a date
     * @return the first working day strictly after it
     */
    public LocalDate nextWorkingDayAfter(LocalDate day) {
        return workingDayOnOrAfter(day.plusDays(1));
    }

    /**
     * @param day a date
     * @return the day itself if it is a working day, else the next working day
     */
    public LocalDate workingDayOnOrAfter(LocalDate day) {
        return nearestWorkingDay(day, 1, "of");
    }

    /**
     * @param day a date
     * @return the day itself if it is a working day, else the last working day before it
     */
    public LocalDate workingDayOnOrBefore(LocalDate day) {
        return nearestWorkingDay(day, -1, "before");
    }

    private LocalDate nearestWorkingDay(LocalDate day, int step, String where) {
        LocalDate d = day;
        for (int i = 0; i < MAX_SEARCH_DAYS; i++, d = d.plusDays(step)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within " + MAX_SEARCH_DAYS + " days " + where + " `" + day + "`: check the closure days");
    }

    /**
     * @param day a date
     * @return the end of that day's working hours, as an instant
     */
    public Instant endOfWorkingDay(LocalDate day) {
        return day.atTime(endOfWorkingDay).atZone(zone).toInstant();
    }

    /**
     * @param instant a moment
     * @return its date in this calendar's zone
     */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * When a response to something received at {@code receivedAt} is due (clause 6 as the
     * interpretation notes read it). Received on a working day: {@code receivedAt + window}; if
     * that falls on a non-working day, the end of the next working day after it. Received on a
     * non-working day (weekend, bank holiday, closure day): the end of the next working day.
     * Dates are read in this calendar's zone, so 23:30 in London on a Friday in summer is a
     * Friday even though it is 22:30 UTC, and 00:30 on a Saturday is a Saturday.
     *
     * @param receivedAt when it arrived
     * @param window     the response window, positive (24 hours in the baseline)
     * @return when the response is due
     */
    public Instant responseDeadline(Instant receivedAt, Duration window) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("response window `" + window + "` must be positive");
        }
        LocalDate received = localDate(receivedAt);
        if (!isWorkingDay(received)) {
            return endOfWorkingDay(nextWorkingDayAfter(received));
        }
        Instant due = receivedAt.plus(window);
        LocalDate dueDay = localDate(due);
        return isWorkingDay(dueDay) ? due : endOfWorkingDay(workingDayOnOrAfter(dueDay));
    }

    /**
     * A response window in working days: due at the end of the {@code days}-th working day after
     * the day it arrived (a comment on Friday with one working day is due by the end of Monday;
     * one on Saturday too, as Monday is the first working day after it).
     *
     * @param receivedAt when it arrived
     * @param days       the window in working days, from 1
     * @return when the response is due
     */
    public Instant workingDaysDeadline(Instant receivedAt, int days) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (days < 1) {
            throw new IllegalArgumentException("a window of `" + days + "` working days must be at least 1");
        }
        LocalDate day = localDate(receivedAt);
        for (int i = 0; i < days; i++) {
            day = nextWorkingDayAfter(day);
        }
        return endOfWorkingDay(day);
    }

    /**
     * @param from a moment
     * @return the end of the first working day strictly after the moment's date
     */
    public Instant endOfNextWorkingDay(Instant from) {
        return endOfWorkingDay(nextWorkingDayAfter(localDate(from)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar w && zone.equals(w.zone) && endOfWorkingDay.equals(w.endOfWorkingDay)
                && closures.equals(w.closures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, endOfWorkingDay, closures);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + zone + ", Monday-Friday minus England and Wales bank holidays, "
                + closures.size() + " closure days, working day ends " + endOfWorkingDay + "]";
    }
}
