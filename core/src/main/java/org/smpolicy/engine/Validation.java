package org.smpolicy.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.smpolicy.RuleInfo;
import org.smpolicy.catalogue.ClauseCatalogue;

/** Checks a rule base against the clause catalogue before it is used. */
final class Validation {

    static final Set<String> OUTCOMES = Set.of("DENY", "REVIEW", "ADVICE", "NOTE", "OBLIGATION");

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
            if (!OUTCOMES.contains(r.outcome())) {
                problems.add(place + ": rule `" + r.id() + "` has @outcome `" + r.outcome() + "`; expected one of " + OUTCOMES);
            }
        }
        return problems;
    }
}
