package org.smpolicy.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smpolicy.catalogue.Traceability;
import org.smpolicy.json.JsonCodec;
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
        Traceability t = policy.build().traceability();
        if (format == Format.json) {
            out.println(JsonCodec.strict().writeTraceability(t));
            return t.gaps() == 0 ? Main.OK : Main.PROBLEMS;
        }
        for (Traceability.Row row : t.table()) {
            StringBuilder how = new StringBuilder();
            if (row.disabledByProfile()) {
                how.append("disabled by the school profile: ");
            } else if (row.gap()) {
                how.append("GAP: no enabled rule carries out its ").append(row.treatment().name().toLowerCase(Locale.ROOT))
                        .append(" treatment");
            }
            for (Traceability.RuleRef r : row.rules()) {
                how.append(how.length() == 0 ? "" : ", ").append(r.rule()).append(" (").append(r.outcome()).append(')');
                r.disabledReason().ifPresent(reason -> how.append(" [disabled: ").append(reason).append(']'));
            }
            if (row.rules().isEmpty() && !row.treatment().needsRule()) {
                how.append("no rule needed: ").append(row.note());
            }
            out.printf("%-12s %-11s %s%n", row.clause(), row.treatment(), how);
        }
        out.println(t.clauses() + " clauses, " + t.rules() + " rules, " + t.gaps() + " gaps");
        return t.gaps() == 0 ? Main.OK : Main.PROBLEMS;
    }

    /** Output formats. */
    enum Format { text, json }
}
