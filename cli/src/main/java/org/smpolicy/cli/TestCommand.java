package org.smpolicy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smpolicy.testkit.Scenario;
import org.smpolicy.testkit.ScenarioException;
import org.smpolicy.testkit.ScenarioFile;
import org.smpolicy.testkit.ScenarioResult;
import org.smpolicy.testkit.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smpolicy test PATH...}: runs scenario files with no Java code. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run scenario files (see docs/testkit.md) and report what differs.",
                "Prints one line per failure, then 'N passed, N failed'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario passed", "1:a scenario failed", "2:unreadable or invalid files, or usage"})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Option(names = "--coverage", paramLabel = "FILE", description = "write the rule and clause coverage report to FILE")
    Path coverage;

    @Option(names = {"-v", "--verbose"}, description = "print the whole decision under each failure, in words (as decide --format text)")
    boolean verbose;

    @Option(names = "--run", paramLabel = "PATTERN", converter = RegexConverter.class,
            description = "run only the scenarios whose id matches this regular expression")
    java.util.regex.Pattern run;

    /** A regular expression, or one line saying why it is not one (picocli's own message names a Java exception). */
    static final class RegexConverter implements picocli.CommandLine.ITypeConverter<java.util.regex.Pattern> {
        @Override
        public java.util.regex.Pattern convert(String value) {
            try {
                return java.util.regex.Pattern.compile(value);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new picocli.CommandLine.TypeConversionException("`" + value + "` is not a regular expression ("
                        + e.getDescription() + ")");
            }
        }
    }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario files, or directories searched for *.json")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> scenarios = new java.util.ArrayList<>();
        int failed = 0;
        try {
            if (ScenarioFile.files(paths).isEmpty()) {
                // Nothing to run is a usage error (2), not a failed test (1).
                err.println("smpolicy test: no scenario files (*.json) in " + paths);
                return Main.BAD_INPUT;
            }
            for (Path f : ScenarioFile.files(paths)) {
                List<Scenario> inFile = ScenarioFile.read(f);
                if (inFile.isEmpty()) {
                    out.println("FAIL " + f + ": the file holds no scenarios");
                    failed++;
                }
                scenarios.addAll(inFile);
            }
        } catch (ScenarioException e) {
            err.println("smpolicy test: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (run != null) {
            scenarios.removeIf(s -> !run.matcher(s.id()).find());
        }
        if (scenarios.isEmpty() && failed == 0) {
            // Nothing ran: a suite that tests nothing must not pass for green.
            out.println("FAIL " + (run != null ? "no scenario id matches --run `" + run.pattern() + "`" : "no scenarios found in " + paths));
            out.println("0 passed, 1 failed");
            return Main.PROBLEMS;
        }
        org.smpolicy.SocialMediaPolicy p = policy.build();
        java.util.Set<String> ruleIds = new java.util.HashSet<>();
        p.rules().forEach(r -> ruleIds.add(r.id()));
        java.util.Set<String> clauseIds = new java.util.HashSet<>();
        p.clauses().clauses().forEach(c -> clauseIds.add(c.id()));
        ScenarioRunner runner = ScenarioRunner.of(p);
        int passed = 0;
        for (Scenario s : scenarios) {
            List<String> unknown = s.expect().rules().stream().filter(r -> !ruleIds.contains(r)).toList();
            if (!unknown.isEmpty()) {
                failed++;
                out.println("FAIL " + s.source() + ": " + s.id() + ": expects rule(s) " + unknown + ", which the policy does not have");
                continue;
            }
            // An expected or absent clause the policy does not have makes an expectation that always holds or never can.
            List<String> unknownClauses = java.util.stream.Stream.concat(s.expect().clauses().stream(), s.expect().absentClauses().stream())
                    .filter(c -> !clauseIds.contains(c)).distinct().toList();
            if (!unknownClauses.isEmpty()) {
                failed++;
                out.println("FAIL " + s.source() + ": " + s.id() + ": names clause(s) " + unknownClauses + ", which the policy does not have");
                continue;
            }
            ScenarioResult r = runner.run(s);
            if (r.passed()) {
                passed++;
                continue;
            }
            failed++;
            out.println("FAIL " + s.source() + ": " + s.id() + ": " + String.join("; ", r.differences()));
            if (verbose && r.decision() != null) {
                // The decision in words, as decide --format text prints it: one renderer for people.
                org.smpolicy.text.DecisionText.render(r.decision(), p.clauses()).lines().forEach(l -> out.println(l.isEmpty() ? "" : "    " + l));
            } else if (verbose) {
                r.report().lines().skip(1 + r.differences().size()).forEach(l -> out.println("    " + l));
            }
        }
        if (coverage != null) {
            runner.coverage().write(coverage);
            out.print(runner.coverage().summary());
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? Main.OK : Main.PROBLEMS;
    }
}
