package org.smpolicy;

import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.PolicyRequest;

/** Checks that need the decision date, which a request record cannot know when it is built. */
final class Inputs {

    private Inputs() {
    }

    /** The first year the working calendar knows (the Banking and Financial Dealings Act 1971). */
    static final int FIRST_YEAR = 1971;

    static void check(PolicyRequest request, java.time.LocalDate today) {
        if (request instanceof org.smpolicy.model.IncomingMessage m) {
            inRange("$.receivedAt", m.receivedAt().toLocalDate());
        } else if (request instanceof org.smpolicy.model.IncidentReport i) {
            inRange("$.reportedAt", i.reportedAt().toLocalDate());
        } else if (request instanceof org.smpolicy.model.StaffDeparture d) {
            inRange("$.leavingDate", d.leavingDate());
        }
        if (request instanceof EngagementRequest e && e.target().dateOfBirth() != null && e.target().dateOfBirth().isAfter(today)) {
            throw InvalidRequestException.of(Diagnostic.Code.INVALID_VALUE, "$.target.dateOfBirth",
                    "birth date {} is after the decision date " + today, e.target().dateOfBirth().toString());
        }
    }

    // Deadlines are counted in working days; the calendar knows 1971 to 9998 (a deadline may fall
    // in the next year), so a date outside says so instead of failing inside a rule.
    private static void inRange(String path, java.time.LocalDate day) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > 9998) {
            throw InvalidRequestException.of(Diagnostic.Code.INVALID_VALUE, path, "date {} is outside the working calendar, which covers "
                    + FIRST_YEAR + " to 9998", day.toString());
        }
    }
}
