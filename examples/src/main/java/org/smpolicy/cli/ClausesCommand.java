package org.smpolicy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.smpolicy.RuleInfo;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.catalogue.Clause;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smpolicy clauses}: every clause with its treatment and the rules that implement it. */
@Command(name = "clauses", mixinStandardHelpOptions = true,
        description = {"Print every clause of the policy with its treatment and the rules that carry it out",
                "(or why no rule is needed). Exits 1 when a clause that needs a rule has none."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every clause has its treatment", "1:a clause has a gap", "2:usage"})
final class ClausesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SocialMediaPolicy p = policy.build();
        Map<String, List<String>> byClause = new TreeMap<>();
        for (RuleInfo r : p.rules()) {
            for (String c : r.clauses()) {
                byClause.computeIfAbsent(c, k -> new java.util.ArrayList<>())
                        .add(r.id() + (r.enabled() ? "" : " (disabled: " + r.disabledReason().orElse("") + ")"));
            }
        }
        int gaps = 0;
        for (Clause c : p.clauses().clauses()) {
            List<String> rules = byClause.getOrDefault(c.id(), List.of());
            String how;
            if (!rules.isEmpty()) {
                how = String.join(", ", rules);
            } else if (c.treatment().needsRule()) {
                how = "GAP: no rule cites this clause";
                gaps++;
            } else {
                how = "no rule needed: " + c.note();
            }
            out.printf("%-12s %-11s %s%n", c.id(), c.treatment(), how);
        }
        out.println(p.clauses().clauses().size() + " clauses, " + p.rules().size() + " rules, " + gaps + " gaps");
        return gaps == 0 ? Main.OK : Main.PROBLEMS;
    }
}
