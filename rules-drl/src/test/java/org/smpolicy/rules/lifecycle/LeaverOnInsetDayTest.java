package org.smpolicy.rules.lifecycle;

import static org.smpolicy.testkit.junit.DecisionAssert.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.calendar.WorkingCalendar;
import org.smpolicy.model.Role;
import org.smpolicy.model.StaffDeparture;

/**
 * Round 3, row 15: a school's closure days are pupil-free, not staff-free. A leaver whose last day
 * is an INSET day works that day, so the accounts they lead are dealt with by its end, not moved
 * to an earlier day. Weekends and bank holidays still move it.
 */
class LeaverOnInsetDayTest {

    static final LocalDate INSET = LocalDate.of(2027, 1, 4); // a Monday, Merriott's INSET day
    static final SocialMediaPolicy MERRIOTT = SocialMediaPolicy.builder()
            .clock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
            .calendar(WorkingCalendar.englandAndWales().withClosures(List.of(INSET, LocalDate.of(2026, 12, 18))))
            .build();

    @Test
    void aLeaverWhoseLastDayIsAnInsetDayHasUntilTheEndOfIt() {
        assertThat(MERRIOTT.decide(new StaffDeparture("staff-12", INSET, List.of("class3-blog"))))
                .hasObligation("4.a.ii.4").withOwner(Role.ADMINISTRATOR).dueAt(Instant.parse("2027-01-04T17:00:00Z"));
    }

    @Test
    void aLeaverWhoseLastDayIsASaturdayStillHasUntilFriday() {
        assertThat(MERRIOTT.decide(new StaffDeparture("staff-12", LocalDate.of(2026, 12, 19), List.of("class3-blog"))))
                .hasObligation("4.a.ii.4").dueAt(Instant.parse("2026-12-18T17:00:00Z")); // 18 Dec is a closure day: staff work
    }
}
