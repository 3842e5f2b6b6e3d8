package org.smpolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.catalogue.RuleInfo;
import org.smpolicy.decision.RuleEffect;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.profile.SchoolProfile;

/** Checks a rule base against the clause catalogue before it is used. */
final class Validation {

    static final java.util.List<RuleEffect> OUTCOMES = java.util.List.of(RuleEffect.values());

    private Validation() {
    }

    static List<Diagnostic> metadataProblems(List<RuleInfo> rules, ClauseCatalogue catalogue, String where) {
        List<Diagnostic> problems = new ArrayList<>();
        for (RuleInfo r : rules) {
            String place = r.source().equals("baseline") ? where : r.source();
            if (r.clauses().isEmpty()) {
                problems.add(Diagnostic.profile(place, 0, "rule `" + r.id() + "` has no @clause metadata"));
            }
            for (String c : r.clauses()) {
                if (!catalogue.contains(c)) {
                    problems.add(Diagnostic.profile(place, 0, "rule `" + r.id() + "` cites clause `" + c + "`, which the catalogue does not have"));
                }
            }
            if (RuleEffect.parse(r.outcome()).isEmpty()) {
                problems.add(Diagnostic.profile(place, 0, "rule `" + r.id() + "` has @outcome `" + r.outcome() + "`; expected one of " + OUTCOMES));
            }
        }
        return problems;
    }

    /** The baseline's time zone; any other is a relaxation. */
    static final String BASELINE_ZONE = "Europe/London";

    /**
     * Closure weekdays in one calendar year that need no declaration: the five INSET days a
     * maintained school in England has, plus room for emergency closures (snow, heating, polling
     * day). School holidays are working days for clause 6: the accounts are still monitored.
     */
    static final int MAX_PLAIN_CLOSURE_DAYS = 15;

    /** The longest run of consecutive closed working days that needs no declaration: two school weeks. */
    static final int MAX_PLAIN_CLOSURE_RUN = 10;

    /**
     * The most closure weekdays in any stretch of twelve months, wherever it starts: 15 days in
     * December and 15 in January are 30 in one stretch, though no calendar year holds more than 15.
     */
    static long mostClosureWeekdaysInAYear(java.util.Collection<java.time.LocalDate> days) {
        List<java.time.LocalDate> weekdays = days.stream().filter(d -> d.getDayOfWeek().getValue() <= 5).sorted().distinct().toList();
        long most = 0;
        int end = 0;
        for (int start = 0; start < weekdays.size(); start++) {
            java.time.LocalDate limit = weekdays.get(start).plusYears(1);
            while (end < weekdays.size() && weekdays.get(end).isBefore(limit)) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }

    /** The longest run of closure days on consecutive working days (weekends and bank holidays do not break a run). */
    static long longestClosureRun(java.util.Collection<java.time.LocalDate> days) {
        java.util.SortedSet<java.time.LocalDate> closed = new java.util.TreeSet<>(days);
        long longest = 0;
        long run = 0;
        java.time.LocalDate expected = null;
        for (java.time.LocalDate d : closed) {
            if (d.getDayOfWeek().getValue() > 5 || org.smpolicy.calendar.BankHolidays.isBankHoliday(d)) {
                continue;
            }
            run = d.equals(expected) ? run + 1 : 1;
            longest = Math.max(longest, run);
            expected = d.plusDays(1);
            while (expected.getDayOfWeek().getValue() > 5 || org.smpolicy.calendar.BankHolidays.isBankHoliday(expected)) {
                expected = expected.plusDays(1);
            }
        }
        return longest;
    }

    /**
     * The days a profile takes out of the working calendar: its closure days, and any day its
     * holiday feed adds that the official record (as the calendar computes it) does not have. A
     * feed may correct the record; every other day it adds counts as a closure day.
     */
    static java.util.Set<java.time.LocalDate> daysOff(SchoolProfile profile) {
        java.util.Set<java.time.LocalDate> off = new java.util.TreeSet<>(profile.closureDays());
        profile.holidays().ifPresent(feed -> feed.holidays().keySet().stream()
                .filter(d -> !org.smpolicy.calendar.BankHolidays.isBankHoliday(d)).forEach(off::add));
        return off;
    }

    /**
     * Checks a profile's disable list and its relaxations: every disabled id must exist; every
     * relaxation the profile makes (disabling a DENY, REVIEW or OBLIGATION rule, a longer
     * response window, an allow list of link hosts) must be declared with a reason; every
     * declared relaxation must be one the profile makes.
     */
    static List<Diagnostic> profileProblems(SchoolProfile profile, Map<String, String> outcomes) {
        List<Diagnostic> problems = new ArrayList<>();
        java.util.Set<String> made = new java.util.LinkedHashSet<>();
        for (String rule : profile.disabled().keySet()) {
            String outcome = outcomes.get(rule);
            if (outcome == null) {
                problems.add(profile.problem(rule, "unknown rule id {} in disable", rule));
            } else if (RuleEffect.parse(outcome).map(RuleEffect::strict).orElse(true)) {
                made.add(rule);
            }
        }
        if (profile.responseWindow().toHours() > 24) {
            made.add("responseWindowHours");
        }
        // One working day ends later than 24 hours whenever a message arrives before the end of a
        // working day (Tuesday 10:00: Wednesday 17:00 against Wednesday 10:00): a relaxation.
        if (profile.responseWorkingDays() > 0) {
            made.add("responseWindowWorkingDays");
        }
        if (!profile.linkAllowList().isEmpty()) {
            made.add("linkAllowList");
        }
        // Another zone moves every deadline's day boundaries; many closure days push clause 6's
        // deadlines past them. Both relax the baseline, so both must be declared.
        if (!profile.timeZone().getId().equals(BASELINE_ZONE)) {
            made.add("timeZone");
        }
        java.util.Set<java.time.LocalDate> off = daysOff(profile);
        if (mostClosureWeekdaysInAYear(off) > MAX_PLAIN_CLOSURE_DAYS || longestClosureRun(off) > MAX_PLAIN_CLOSURE_RUN) {
            made.add("closureDays");
        }
        for (String m : made) {
            if (!profile.relaxations().containsKey(m)) {
                String what = outcomes.containsKey(m) ? "disabling " + outcomes.get(m) + " rule `" + m + "`" : "`" + m + "`";
                problems.add(profile.problem(m, what + " makes the policy less strict than the baseline; "
                        + "declare it in `relaxations` with a reason", null));
            }
        }
        for (String declared : profile.relaxations().keySet()) {
            if (!made.contains(declared)) {
                problems.add(profile.problem(declared, "`relaxations` declares {}, which this profile does not relax (only disabled DENY/REVIEW/OBLIGATION rules, "
                        + "responseWindowHours over 24, responseWindowWorkingDays, linkAllowList, a timeZone other than " + BASELINE_ZONE
                        + ", more than " + MAX_PLAIN_CLOSURE_DAYS + " closure weekdays in any twelve months and more than "
                        + MAX_PLAIN_CLOSURE_RUN + " in a row are relaxations; days a holiday feed adds beyond the official record count as closure days)",
                        declared));
            }
        }
        return problems;
    }
}
