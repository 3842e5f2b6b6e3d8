package org.smpolicy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.smpolicy.SchoolCheck;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.profile.SchoolProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smpolicy check DIR}: validates a school profile and holds it against the baseline. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Validate a school profile and hold it against the baseline on generated requests.",
        description = {"Validate a school profile: profile.json, overlay DRL (syntax, package, imports, @clause, @outcome,",
                "sandbox), disabled rule ids and declared relaxations; then run the baseline's child-protection",
                "invariants and a comparison with the baseline on generated requests.",
                "Prints one 'file:line: message' line per problem."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the profile is clean", "1:the profile has problems", "2:usage, or DIR is not a directory"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "2000", description = "how many requests to generate (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20261125", description = "the generator's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Parameters(index = "0", paramLabel = "DIR", description = "the school profile directory")
    Path dir;

    @Option(names = {"-v", "--verbose"}, description = "under each kind of problem, list the generated requests that show it (up to 50)")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("smpolicy check: " + dir + ": not a directory");
            return Main.BAD_INPUT;
        }
        SchoolProfile profile;
        SchoolCheck.Report report;
        try {
            profile = SchoolProfile.load(dir);
            report = SchoolCheck.validate(profile, Clock.systemUTC(), CheckCommand.class.getClassLoader(), requests, seed, verbose);
        } catch (PolicyLoadException e) {
            (verbose ? e.details() : e.problems()).forEach(out::println);
            out.println(e.problems().size() + " problem(s)");
            return Main.PROBLEMS;
        }
        if (!report.invariantsChecked()) {
            spec.commandLine().getErr().println("smpolicy check: the rules module offers no invariants; only the profile's own checks ran");
        }
        report.lines().forEach(out::println);
        report.impact().ifPresent(impact -> out.println("against the baseline: " + (impact.compared() - impact.unchanged()) + " of "
                + impact.compared() + " generated decisions differ; transitions " + counts(impact.transitions()) + "; rules that now fire "
                + counts(impact.rulesAppeared()) + "; rules that no longer fire " + counts(impact.rulesDisappeared())
                + "; rules that say something else " + counts(impact.rulesChanged())));
        int decided = report.impact().map(i -> (int) i.compared()).orElse(0);
        for (String rule : report.neverExercised()) {
            out.println("never exercised: overlay rule `" + rule + "` fired on none of the " + decided
                    + " requests decided: add a scenario that fires it (smpolicy test)");
        }
        out.println(report.profile() + ": " + (report.clean() ? "clean" : report.problems().size() + " problem(s)")
                + " (" + report.rules() + " rules, " + profile.overlays().size() + " overlay files, "
                + profile.disabled().size() + " disabled, " + requests + " generated requests"
                + (report.aimed() > 0 ? ", " + report.aimed() + " aimed at the overlay's words" : "") + ")");
        return report.clean() ? Main.OK : Main.PROBLEMS;
    }

    private static String counts(java.util.Map<String, org.smpolicy.decision.PolicyImpact.Group> groups) {
        if (groups.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        groups.forEach((k, g) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" (").append(g.count()).append(')'));
        return b.toString();
    }
}
