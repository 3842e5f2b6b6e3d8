package org.smpolicy.internal;

import org.smpolicy.InvalidRequestException;
import org.smpolicy.model.EngagementRequest;
import org.smpolicy.model.PolicyRequest;

/** Checks that need the decision date, which a request record cannot know when it is built. */
final class Inputs {

    private Inputs() {
    }

    static void check(PolicyRequest request, java.time.LocalDate today) {
        if (request instanceof EngagementRequest e && e.target().dateOfBirth() != null && e.target().dateOfBirth().isAfter(today)) {
            throw new InvalidRequestException("$.target.dateOfBirth",
                    "birth date `" + e.target().dateOfBirth() + "` is after the decision date " + today);
        }
    }
}
