package org.smpolicy.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every clause of the policy beside the rules that carry it out: the one traceability document,
 * whatever carries it ({@code smpolicy clauses}, {@code GET /v1/clauses}, {@code docs/traceability.md}).
 *
 * @param clauses how many clauses the catalogue has
 * @param rules   how many rules the rule base has (disabled ones included)
 * @param gaps    how many clauses that need a rule have no enabled rule, and none the profile disabled
 * @param table   one row per clause, in the catalogue's order
 */
public record Traceability(int clauses, int rules, int gaps, List<Row> table) {

    /** Copies. */
    public Traceability {
        table = List.copyOf(table);
    }

    /**
     * One clause and its rules.
     *
     * @param clause            the clause id
     * @param summary           what the clause says, in one line
     * @param treatment         how the library treats it
     * @param note              why it is treated so (for clauses no rule decides: who judges, or why out of scope)
     * @param gap               the clause needs a rule and no enabled rule carries it out, and the profile disabled none
     * @param disabledByProfile the rules that would carry it out are all disabled by the school's profile
     * @param rules             the rules that cite it, by id
     */
    public record Row(String clause, String summary, Treatment treatment, String note, boolean gap, boolean disabledByProfile,
                      List<RuleRef> rules) {
        /** Validates and copies. */
        public Row {
            Objects.requireNonNull(clause, "clause");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(treatment, "treatment");
            Objects.requireNonNull(note, "note");
            rules = List.copyOf(rules);
        }
    }

    /**
     * A rule citing a clause.
     *
     * @param rule           its id
     * @param outcome        its {@code @outcome}
     * @param enabled        whether it runs (a profile may disable it)
     * @param disabledReason the profile's reason, when disabled
     */
    public record RuleRef(String rule, String outcome, boolean enabled, Optional<String> disabledReason) {
        /** Validates. */
        public RuleRef {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(disabledReason, "disabledReason");
        }
    }

    /**
     * @param catalogue the clause catalogue
     * @param rules     the rules of a rule base
     * @return the document
     */
    public static Traceability of(ClauseCatalogue catalogue, List<RuleInfo> rules) {
        Map<String, List<RuleInfo>> byClause = new TreeMap<>();
        for (RuleInfo r : rules) {
            for (String c : r.clauses()) {
                byClause.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            }
        }
        int gaps = 0;
        List<Row> table = new ArrayList<>();
        for (Clause c : catalogue.clauses()) {
            List<RuleInfo> citing = byClause.getOrDefault(c.id(), List.of());
            boolean carried = citing.stream().anyMatch(r -> r.enabled() && r.carriesOut(c.treatment()));
            boolean disabled = !carried && citing.stream().anyMatch(r -> !r.enabled() && r.carriesOut(c.treatment()));
            boolean gap = c.treatment().needsRule() && !carried && !disabled;
            gaps += gap ? 1 : 0;
            table.add(new Row(c.id(), c.summary(), c.treatment(), c.note(), gap, disabled, citing.stream()
                    .map(r -> new RuleRef(r.id(), r.outcome(), r.enabled(), r.disabledReason())).toList()));
        }
        return new Traceability(catalogue.clauses().size(), rules.size(), gaps, table);
    }
}
