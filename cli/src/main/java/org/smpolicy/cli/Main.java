package org.smpolicy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smpolicy} command line. Exit codes: 0 done, 1 a check or test found problems,
 * 2 bad input or usage.
 */
@Command(name = "smpolicy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Decide social media requests against the Federation's Social Media Policy.",
        subcommands = {DecideCommand.class, CheckCommand.class, TestCommand.class, ClausesCommand.class, StatusCommand.class, ImpactCommand.class, RecheckCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a check or test found problems", "2:bad input or usage"})
public final class Main implements Runnable {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: a check or test found problems. */
    public static final int PROBLEMS = 1;
    /** Exit code: bad input or usage. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // UTF-8 whatever the locale: JSON is UTF-8 (RFC 8259), and with no locale set the JVM's
        // default charset is ASCII, which printed every accented id or name as '?'.
        System.exit(run(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true), args));
    }

    /**
     * Runs the command line with the given output streams; used by tests.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + Errors.describe(ex));
            return BAD_INPUT;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Reports the library version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"smpolicy " + (v == null ? "(development build)" : v)};
        }
    }
}
