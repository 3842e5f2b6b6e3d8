package org.smpolicy.testkit;

import java.time.format.DateTimeFormatter;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.Finding;
import org.smpolicy.decision.Obligation;

/** Renders decisions for people reading a failed test. */
public final class Decisions {

    private Decisions() {
    }

    /**
     * @param d a decision
     * @return the decision on several indented lines: outcome, each finding, each obligation
     */
    public static String describe(Decision d) {
        StringBuilder sb = new StringBuilder();
        sb.append("  outcome ").append(d.outcome()).append(" (").append(d.requestType()).append(", profile ")
                .append(d.profile()).append(")\n");
        if (d.findings().isEmpty()) {
            sb.append("  no findings\n");
        }
        for (Finding f : d.findings()) {
            sb.append("  ").append(String.format("%-6s", f.outcome())).append(" [").append(String.join(", ", f.clauses()))
                    .append("] ").append(f.rule()).append(": ").append(f.message());
            f.remedy().ifPresent(r -> sb.append(" -> ").append(r));
            sb.append('\n');
        }
        for (Obligation o : d.obligations()) {
            sb.append("  DUTY   [").append(String.join(", ", o.clauses())).append("] ").append(o.rule()).append(": ")
                    .append(o.owner()).append(' ').append(o.action()).append(" by ")
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o.due().atZone(d.zone()))).append('\n');
        }
        return sb.toString();
    }
}
