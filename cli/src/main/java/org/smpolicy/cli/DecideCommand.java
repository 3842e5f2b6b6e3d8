package org.smpolicy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smpolicy.JsonLinesDecider;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smpolicy decide FILE}: prints the decision for one request document. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Decide one request and print the decision: JSON, or in words with --format text (on a terminal).",
                "FILE is a request document (see docs/json.md), or - for standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the decision was printed (whatever its outcome)", "1:--jsonl: some lines could not be decided",
                "2:bad input or usage"})
final class DecideCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Option(names = "--pretty", description = "indent the JSON")
    boolean pretty;

    @Option(names = "--jsonl", description = {"FILE holds one request per line: print one line per input line, in input order,",
            "using all cores: the decision with its \"line\" number, or for a blank or bad line {\"line\":N,\"error\":...}",
            "and FILE:N: message on standard error, and then the command exits 1 at the end"})
    boolean jsonl;

    @Parameters(index = "0", paramLabel = "FILE", description = "the request document, or - for standard input")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = {"text (the decision in words: outcome, why, what to do, duties in UK",
            "time, how long it holds) or json; default: text on a terminal, json otherwise, so that a pipe or a",
            "host reading the output always gets JSON"})
    ClausesCommand.Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonCodec json = JsonCodec.strict();
        if (!"-".equals(file)) {
            Path p = Path.of(file);
            if (Files.isDirectory(p)) {
                err.println("smpolicy decide: " + file + ": is a directory; expected a request file");
                return Main.BAD_INPUT;
            }
            if (Files.exists(p) && !Files.isReadable(p)) {
                err.println("smpolicy decide: " + file + ": cannot be read");
                return Main.BAD_INPUT;
            }
        }
        if (jsonl) {
            return bulk(json, out, err);
        }
        PolicyRequest request;
        try (InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
            request = json.readRequest(in);
        } catch (NoSuchFileException e) {
            err.println("smpolicy decide: " + file + ": no such file");
            return Main.BAD_INPUT;
        } catch (InvalidRequestException e) {
            String where = "-".equals(file) ? "<stdin>" : file;
            err.println("smpolicy decide: " + where + e.line().stream().mapToObj(l -> ":" + l).findFirst().orElse("") + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        SocialMediaPolicy p = policy.build();
        Decision d;
        try {
            d = p.decide(request);
        } catch (InvalidRequestException e) {
            err.println("smpolicy decide: " + ("-".equals(file) ? "<stdin>" : file) + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        ClausesCommand.Format f = format != null ? format : System.console() != null ? ClausesCommand.Format.text : ClausesCommand.Format.json;
        if (f == ClausesCommand.Format.text && !pretty) {
            out.print(org.smpolicy.text.DecisionText.render(d, p.clauses()));
        } else {
            out.println(pretty ? json.writeDecisionPretty(d) : json.writeDecision(d));
        }
        return Main.OK;
    }

    private int bulk(JsonCodec json, PrintWriter out, PrintWriter err) throws IOException {
        String name = "-".equals(file) ? "<stdin>" : file;
        BufferedReader in;
        try {
            in = "-".equals(file) ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16)
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("smpolicy decide: " + file + ": no such file");
            return Main.BAD_INPUT;
        }
        try (in) {
            in.mark(4 << 20);
            String first = in.readLine();
            int lineNo = 1;
            while (first != null && first.isBlank()) {
                first = in.readLine();
                lineNo++;
            }
            in.reset();
            if (first != null && !looksLikeOneDocument(first)) {
                err.println("smpolicy decide: " + name + ":" + lineNo + ": --jsonl needs one whole request per line, and this line is not one"
                        + " (a pretty-printed file? decide it without --jsonl)");
                return Main.BAD_INPUT;
            }
            SocialMediaPolicy p = policy.build();
            int failed;
            try (JsonLinesDecider bulk = new JsonLinesDecider(p, json)) {
                failed = bulk.run(name, in, out, err);
            }
            return failed == 0 ? Main.OK : Main.PROBLEMS;
        }
    }

    // A request line starts an object and closes it; a pretty-printed document's first line is a lone `{`.
    static boolean looksLikeOneDocument(String line) {
        String t = line.strip();
        return !(t.equals("{") || t.equals("[") || t.startsWith("{") && !t.endsWith("}"));
    }
}
