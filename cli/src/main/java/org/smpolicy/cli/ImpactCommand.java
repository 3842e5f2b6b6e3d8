package org.smpolicy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smpolicy.PolicyInvariants;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.PolicyImpact;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smpolicy impact --from A --to B CORPUS...}: what a change of rule base would do to real decisions. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        header = "Report how decisions of a corpus change between two rule bases.",
        description = {"Decide every request of CORPUS (JSON lines: requests, or decision-log lines with their request)",
                "under two rule bases and report how decisions change: outcome transitions and rules that appear or",
                "disappear, with example lines. A and B are 'baseline' or a school profile directory."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no decision that protects a child became more permissive",
                "1:a decision that protects a child became more permissive", "2:bad input or usage"})
final class ImpactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "A", description = "the rule base in use: baseline or a profile directory")
    String from;

    @Option(names = "--to", required = true, paramLabel = "B", description = "the rule base proposed: baseline or a profile directory")
    String to;

    @Option(names = "--now", paramLabel = "INSTANT", converter = PolicyOptions.InstantConverter.class,
            description = "decide as at this instant (default: the system clock)")
    Instant now;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json")
    ClausesCommand.Format format;

    @Parameters(arity = "1..*", paramLabel = "CORPUS", description = "JSON-lines files")
    List<Path> corpus;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonCodec json = JsonCodec.strict();
        List<PolicyRequest> requests = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Path file : corpus) {
            if (!Files.isRegularFile(file)) {
                err.println("smpolicy impact: " + file + ": not a file");
                return Main.BAD_INPUT;
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        requests.add(json.readCorpusLine(line));
                        where.add(file.getFileName() + ":" + n);
                    } catch (InvalidRequestException e) {
                        err.println("smpolicy impact: " + file + ":" + n + ": " + (DecideCommand.looksLikeOneDocument(line) ? e.getMessage()
                                : "a corpus needs one whole request per line, and this line is not one (a pretty-printed file?)"));
                        return Main.BAD_INPUT;
                    }
                }
            }
        }
        Instant at = now == null ? Instant.now() : now;
        SocialMediaPolicy a = policy(from);
        SocialMediaPolicy b = policy(to);
        Optional<PolicyInvariants> invariants = PolicyInvariants.on(ImpactCommand.class.getClassLoader());
        PolicyImpact.Report r = PolicyImpact.compare(a::decide, b::decide, requests, at, d -> invariants.map(i -> i.protectsAChild(d)).orElse(true));
        if (format == ClausesCommand.Format.json) {
            out.println(json.writeImpact(r, from, to, i -> where.get(Math.toIntExact(i))));
        } else {
            out.println("compared " + r.compared() + " requests under " + from + " and " + to + ": " + r.unchanged() + " unchanged, "
                    + (r.compared() - r.unchanged()) + " changed");
            section(out, "outcome transitions", r.transitions(), where);
            section(out, "rules that now fire", r.rulesAppeared(), where);
            section(out, "rules that no longer fire", r.rulesDisappeared(), where);
            section(out, "rules that fire under both but say something else", r.rulesChanged(), where);
            section(out, "clauses now cited", r.clausesAppeared(), where);
            section(out, "clauses no longer cited", r.clausesDisappeared(), where);
            out.println("decisions protecting a child that became more permissive: " + r.childProtectionLoosened()
                    + (r.loosenedExamples().isEmpty() ? "" : "  e.g. " + String.join(", ", r.loosenedExamples().stream().map(i -> where.get(Math.toIntExact(i))).toList())));
            for (String rule : org.smpolicy.SchoolCheck.neverExercised(b, requests, at)) {
                out.println("never exercised: overlay rule `" + rule + "` of " + to + " fired on none of the " + requests.size()
                        + " requests of the corpus: add a scenario that fires it (smpolicy test)");
            }
        }
        return r.childProtectionLoosened() > 0 ? Main.PROBLEMS : Main.OK;
    }

    private SocialMediaPolicy policy(String which) {
        SocialMediaPolicy.Builder b = SocialMediaPolicy.builder();
        if (!"baseline".equals(which)) {
            b.profile(Path.of(which));
        }
        return b.build();
    }

    private static void section(PrintWriter out, String title, Map<String, PolicyImpact.Group> groups, List<String> where) {
        out.println(title + ":" + (groups.isEmpty() ? " none" : ""));
        groups.forEach((k, g) -> out.printf("  %-55s %6d  e.g. %s%n", k, g.count(),
                String.join(", ", g.examples().stream().map(i -> where.get(Math.toIntExact(i))).toList())));
    }
}
