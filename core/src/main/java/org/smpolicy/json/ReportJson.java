package org.smpolicy.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.smpolicy.catalogue.Traceability;
import org.smpolicy.decision.Decision;
import org.smpolicy.decision.PolicyImpact;
import org.smpolicy.recheck.RecheckReport;

/** The JSON of the reports {@link JsonCodec} writes: impact, re-check, traceability. */
final class ReportJson {

    private final ObjectMapper mapper;
    private final Function<Decision, ObjectNode> decision;

    ReportJson(ObjectMapper mapper, Function<Decision, ObjectNode> decision) {
        this.mapper = mapper;
        this.decision = decision;
    }

    String impact(PolicyImpact.Report report, String from, String to, LongFunction<String> where) {
        ObjectNode n = mapper.createObjectNode();
        n.put("from", from);
        n.put("to", to);
        n.put("compared", report.compared());
        n.put("unchanged", report.unchanged());
        n.set("transitions", groups(report.transitions(), where));
        n.set("rulesAppeared", groups(report.rulesAppeared(), where));
        n.set("rulesDisappeared", groups(report.rulesDisappeared(), where));
        n.set("rulesChanged", groups(report.rulesChanged(), where));
        n.set("clausesAppeared", groups(report.clausesAppeared(), where));
        n.set("clausesDisappeared", groups(report.clausesDisappeared(), where));
        n.put("childProtectionLoosened", report.childProtectionLoosened());
        ArrayNode ex = n.putArray("loosenedExamples");
        report.loosenedExamples().forEach(i -> ex.add(where.apply(i)));
        return n.toString();
    }

    private ObjectNode groups(java.util.Map<String, PolicyImpact.Group> groups, LongFunction<String> where) {
        ObjectNode n = mapper.createObjectNode();
        groups.forEach((k, g) -> {
            ObjectNode e = n.putObject(k);
            e.put("count", g.count());
            ArrayNode ex = e.putArray("examples");
            g.examples().forEach(i -> ex.add(where.apply(i)));
        });
        return n;
    }

    String error(long inputLine, org.smpolicy.diagnostic.Diagnostic d, boolean withValue) {
        ObjectNode n = mapper.createObjectNode();
        if (inputLine > 0) {
            n.put("line", inputLine);
        }
        n.put("error", withValue ? d.text() : d.redacted());
        n.set("diagnostic", diagnostic(d, withValue));
        return n.toString();
    }

    ObjectNode diagnostic(org.smpolicy.diagnostic.Diagnostic d, boolean withValue) {
        ObjectNode g = mapper.createObjectNode();
        g.put("code", d.code().id());
        if (d.file() != null) {
            g.put("file", d.file());
        }
        if (d.line() > 0) {
            g.put("line", d.line());
        }
        if (d.path() != null) {
            g.put("path", d.path());
        }
        g.put("message", d.message(withValue));
        return g;
    }

    String recheck(RecheckReport report) {
        ObjectNode n = mapper.createObjectNode();
        n.put("checkedAt", report.at().toString());
        n.put("items", report.items());
        n.put("touched", report.touched());
        n.put("mustComeDown", report.anyMustComeDown());
        ArrayNode items = n.putArray("reported");
        for (RecheckReport.Item i : report.reported()) {
            ObjectNode o = items.addObject();
            o.put("id", i.id());
            o.put("account", i.account());
            o.put("publishedAt", i.publishedAt().toString());
            ArrayNode ch = o.putArray("changes");
            i.changes().forEach(ch::add);
            o.put("before", i.before().name());
            o.put("now", i.decision().outcome().name());
            ArrayNode duties = o.putArray("duties");
            java.time.ZoneId zone = i.decision().zone();
            for (RecheckReport.Duty d : i.duties()) {
                duties.addObject().put("owner", d.owner().name()).put("action", d.action())
                        .put("due", d.due().atZone(zone).toOffsetDateTime().toString()).put("why", d.why());
            }
            o.set("decision", decision.apply(i.decision()));
        }
        ObjectNode byAccount = n.putObject("byAccount");
        report.byAccount().forEach((k, v) -> v.forEach(byAccount.withArray(k)::add));
        ObjectNode byChange = n.putObject("byChange");
        report.byChange().forEach((k, v) -> v.forEach(byChange.withArray(String.valueOf(k))::add));
        return n.toString();
    }

    String traceability(Traceability t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("clauses", t.clauses());
        n.put("rules", t.rules());
        n.put("gaps", t.gaps());
        ArrayNode table = n.putArray("table");
        for (Traceability.Row row : t.table()) {
            ObjectNode c = table.addObject();
            c.put("clause", row.clause());
            c.put("summary", row.summary());
            c.put("treatment", row.treatment().name());
            c.put("note", row.note());
            c.put("gap", row.gap());
            c.put("disabledByProfile", row.disabledByProfile());
            ArrayNode rules = c.putArray("rules");
            for (Traceability.RuleRef ref : row.rules()) {
                ObjectNode rn = rules.addObject();
                rn.put("rule", ref.rule());
                rn.put("outcome", ref.outcome());
                rn.put("enabled", ref.enabled());
                ref.disabledReason().ifPresent(reason -> rn.put("disabledReason", reason));
            }
        }
        return n.toString();
    }
}
