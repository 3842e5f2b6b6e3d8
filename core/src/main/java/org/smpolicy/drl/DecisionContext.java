package org.smpolicy.drl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.smpolicy.calendar.WorkingCalendar;

/**
 * The fact every decision session holds besides the request: the moment of the decision, its
 * date in the calendar's zone, the working calendar and the school's parameters. Rules read
 * "today" from here, never from the system clock.
 *
 * @param now        the decision instant, from the host's clock
 * @param today      the decision date in the calendar's time zone
 * @param calendar   the working calendar for deadlines
 * @param parameters the school's parameters
 */
public record DecisionContext(Instant now, LocalDate today, WorkingCalendar calendar, Parameters parameters) {

    /** Validates. */
    public DecisionContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * The response deadline for something received at {@code receivedAt}, per the school's
     * response window and working calendar.
     *
     * @param receivedAt when it was received
     * @return when the response is due
     */
    public Instant responseDue(Instant receivedAt) {
        return parameters.responseWorkingDays() > 0 ? calendar.workingDaysDeadline(receivedAt, parameters.responseWorkingDays())
                : calendar.responseDeadline(receivedAt, parameters.responseWindow());
    }

    /**
     * @param from a moment
     * @return the end of the next working day after the moment's date
     */
    public Instant endOfNextWorkingDay(Instant from) {
        return calendar.endOfNextWorkingDay(from);
    }

    /**
     * @param day a date
     * @return the end of that day if it is a working day, else of the next working day
     */
    public Instant endOfWorkingDayOnOrAfter(LocalDate day) {
        return calendar.endOfWorkingDay(calendar.workingDayOnOrAfter(day));
    }

    /**
     * A member of staff's own last working day: closure days are pupil-free, not staff-free
     * ({@link WorkingCalendar#forStaff()}), so only weekends and bank holidays move it earlier.
     *
     * @param day a date
     * @return the end of that day if staff work on it, else of the last day before it that they do
     */
    public Instant endOfWorkingDayOnOrBefore(LocalDate day) {
        WorkingCalendar staff = calendar.forStaff();
        return staff.endOfWorkingDay(staff.workingDayOnOrBefore(day));
    }
}
