package org.smpolicy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.smpolicy.RuleEffect;
import org.smpolicy.RuleInfo;
import org.smpolicy.catalogue.ClauseCatalogue;
import org.smpolicy.profile.SchoolProfile;
import java.util.Map;

/** Checks a rule base against the clause catalogue before it is used. */
final class Validation {

    static final java.util.List<RuleEffect> OUTCOMES = java.util.List.of(RuleEffect.values());

    private Validation() {
    }

    static List<String> metadataProblems(List<RuleInfo> rules, ClauseCatalogue catalogue, String where) {
        List<String> problems = new ArrayList<>();
        for (RuleInfo r : rules) {
            String place = r.source().equals("baseline") ? where : r.source();
            if (r.clauses().isEmpty()) {
                problems.add(place + ": rule `" + r.id() + "` has no @clause metadata");
            }
            for (String c : r.clauses()) {
                if (!catalogue.contains(c)) {
                    problems.add(place + ": rule `" + r.id() + "` cites clause `" + c + "`, which the catalogue does not have");
                }
            }
            if (RuleEffect.parse(r.outcome()).isEmpty()) {
                problems.add(place + ": rule `" + r.id() + "` has @outcome `" + r.outcome() + "`; expected one of " + OUTCOMES);
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

    static long mostClosureWeekdaysInAYear(java.util.Collection<java.time.LocalDate> days) {
        Map<Integer, Long> perYear = new java.util.HashMap<>();
        for (java.time.LocalDate d : days) {
            if (d.getDayOfWeek().getValue() <= 5) {
                perYear.merge(d.getYear(), 1L, Long::sum);
            }
        }
        return perYear.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * Checks a profile's disable list and its relaxations: every disabled id must exist; every
     * relaxation the profile makes (disabling a DENY, REVIEW or OBLIGATION rule, a longer
     * response window, an allow list of link hosts) must be declared with a reason; every
     * declared relaxation must be one the profile makes.
     */
    static List<String> profileProblems(SchoolProfile profile, Map<String, String> outcomes) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> made = new java.util.LinkedHashSet<>();
        for (String rule : profile.disabled().keySet()) {
            String outcome = outcomes.get(rule);
            if (outcome == null) {
                problems.add(profile.where(rule) + ": unknown rule id `" + rule + "` in disable");
            } else if (RuleEffect.parse(outcome).map(RuleEffect::strict).orElse(true)) {
                made.add(rule);
            }
        }
        if (profile.responseWindow().toHours() > 24) {
            made.add("responseWindowHours");
        }
        if (!profile.linkAllowList().isEmpty()) {
            made.add("linkAllowList");
        }
        // Another zone moves every deadline's day boundaries; many closure days push clause 6's
        // deadlines past them. Both relax the baseline, so both must be declared.
        if (!profile.timeZone().getId().equals(BASELINE_ZONE)) {
            made.add("timeZone");
        }
        if (mostClosureWeekdaysInAYear(profile.closureDays()) > MAX_PLAIN_CLOSURE_DAYS) {
            made.add("closureDays");
        }
        for (String m : made) {
            if (!profile.relaxations().containsKey(m)) {
                String what = outcomes.containsKey(m) ? "disabling " + outcomes.get(m) + " rule `" + m + "`" : "`" + m + "`";
                problems.add(profile.where(m) + ": " + what + " makes the policy less strict than the baseline; "
                        + "declare it in `relaxations` with a reason");
            }
        }
        for (String declared : profile.relaxations().keySet()) {
            if (!made.contains(declared)) {
                problems.add(profile.where(declared) + ": `relaxations` declares `" + declared
                        + "`, which this profile does not relax (only disabled DENY/REVIEW/OBLIGATION rules, "
                        + "responseWindowHours over 24, linkAllowList, a timeZone other than " + BASELINE_ZONE
                        + " and more than " + MAX_PLAIN_CLOSURE_DAYS + " closure weekdays in a year are relaxations)");
            }
        }
        return problems;
    }
}
