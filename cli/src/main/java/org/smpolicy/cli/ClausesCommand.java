package org.smpolicy.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.catalogue.Clause;
import org.smpolicy.catalogue.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smpolicy clauses}: every clause with its treatment and the rules that implement it. */
@Command(name = "clauses", mixinStandardHelpOptions = true,
        header = "Print every clause with its treatment and the rules that carry it out.",
        description = {"Print every clause of the policy with its treatment and the rules that carry it out",
                "(or why no rule is needed). Exits 1 when a clause that needs a rule has none."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every clause has its treatment", "1:a clause has a gap", "2:usage"})
final class ClausesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SocialMediaPolicy p = policy.build();
        Map<String, List<RuleInfo>> byClause = new TreeMap<>();
        for (RuleInfo r : p.rules()) {
            for (String c : r.clauses()) {
                byClause.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            }
        }
        int gaps = 0;
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode json = mapper.createArrayNode();
        for (Clause c : p.clauses().clauses()) {
            List<RuleInfo> rules = byClause.getOrDefault(c.id(), List.of());
            boolean carried = rules.stream().anyMatch(r -> r.enabled() && r.carriesOut(c.treatment()));
            StringBuilder how = new StringBuilder();
            boolean disabledByProfile = !carried && rules.stream().anyMatch(r -> !r.enabled() && r.carriesOut(c.treatment()));
            if (disabledByProfile) {
                how.append("disabled by the school profile: ");
            } else if (c.treatment().needsRule() && !carried) {
                how.append("GAP: no enabled rule carries out its ").append(c.treatment().name().toLowerCase(Locale.ROOT))
                        .append(" treatment");
                gaps++;
            }
            for (RuleInfo r : rules) {
                how.append(how.length() == 0 ? "" : ", ").append(r.id()).append(" (").append(r.outcome()).append(')');
                r.disabledReason().ifPresent(reason -> how.append(" [disabled: ").append(reason).append(']'));
            }
            if (rules.isEmpty() && !c.treatment().needsRule()) {
                how.append("no rule needed: ").append(c.note());
            }
            if (format == Format.json) {
                com.fasterxml.jackson.databind.node.ObjectNode n = json.addObject();
                n.put("clause", c.id());
                n.put("treatment", c.treatment().name());
                n.put("gap", c.treatment().needsRule() && !carried && !disabledByProfile);
                com.fasterxml.jackson.databind.node.ArrayNode rs = n.putArray("rules");
                for (RuleInfo r : rules) {
                    com.fasterxml.jackson.databind.node.ObjectNode rn = rs.addObject();
                    rn.put("rule", r.id());
                    rn.put("outcome", r.outcome());
                    rn.put("enabled", r.enabled());
                    r.disabledReason().ifPresent(reason -> rn.put("disabledReason", reason));
                }
                if (rules.isEmpty() && !c.treatment().needsRule()) {
                    n.put("note", c.note());
                }
            } else {
                out.printf("%-12s %-11s %s%n", c.id(), c.treatment(), how);
            }
        }
        if (format == Format.json) {
            com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
            root.put("clauses", p.clauses().clauses().size());
            root.put("rules", p.rules().size());
            root.put("gaps", gaps);
            root.set("table", json);
            out.println(root.toString());
        } else {
            out.println(p.clauses().clauses().size() + " clauses, " + p.rules().size() + " rules, " + gaps + " gaps");
        }
        return gaps == 0 ? Main.OK : Main.PROBLEMS;
    }

    /** Output formats. */
    enum Format { text, json }
}
