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

    @Option(names = {"-v", "--verbose"}, description = "print the whole decision under each failure")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario files, or directories searched for *.json")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioFile.readAll(paths);
        } catch (ScenarioException e) {
            err.println("smpolicy test: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        ScenarioRunner runner = ScenarioRunner.of(policy.build());
        int passed = 0;
        int failed = 0;
        for (Scenario s : scenarios) {
            ScenarioResult r = runner.run(s);
            if (r.passed()) {
                passed++;
                continue;
            }
            failed++;
            out.println("FAIL " + s.source() + ": " + s.id() + ": " + String.join("; ", r.differences()));
            if (verbose) {
                out.print(org.smpolicy.testkit.Decisions.describe(r.decision()));
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
