package org.smpolicy.catalogue;

import java.time.LocalDate;
import java.time.Period;

/**
 * Where the policy document stands on a date.
 *
 * @param name        the policy's title
 * @param version     the version of the text the rules encode
 * @param ratified    when the governing body ratified it
 * @param reviewCycle how often it must be reviewed
 * @param reviewDue   the last day by which the review was due
 * @param asOf        the date this status describes
 * @param overdue     whether {@code asOf} is after {@code reviewDue}
 */
public record PolicyStatus(String name, String version, LocalDate ratified, Period reviewCycle, LocalDate reviewDue,
                           LocalDate asOf, boolean overdue) {

    /** @return a one-line summary, e.g. for a command line */
    public String summary() {
        return name + " (version " + version + ", ratified " + ratified + ", review every "
                + reviewCycle.getYears() + " years, due by " + reviewDue + "): "
                + (overdue ? "OVERDUE for review as of " + asOf : "within its review date as of " + asOf);
    }
}
