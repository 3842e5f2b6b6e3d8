package org.smpolicy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.diagnostic.PolicyException;
import org.smpolicy.io.LineBreaks;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;
import org.smpolicy.recheck.RecheckReport;
import org.smpolicy.recheck.RegisterLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smpolicy recheck --published FILE --changes FILE}: which published posts a change of facts touches. */
@Command(name = "recheck", mixinStandardHelpOptions = true,
        header = "Find the published posts that changes of facts touch, and what must happen by when.",
        description = {"Find the published posts that changes of facts touch (consent refused or withdrawn, a child added to",
                "the no-publish list or asking not to be filmed, a runner's training lapsed or a runner left), decide each",
                "again and list what must happen, by whom and by when, grouped by account and by change. Only touched",
                "posts are decided again. FILEs are JSON lines (docs/json.md); the decision log with requests is a register."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing must come down", "1:a published post must come down",
                "2:bad input or usage (each bad line is named; the other lines are still re-checked)"})
final class RecheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Option(names = "--published", required = true, paramLabel = "FILE", description = "the register: one published post per line")
    Path published;

    @Option(names = "--changes", required = true, paramLabel = "FILE", description = "the changes: one per line")
    Path changes;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json")
    ClausesCommand.Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonCodec json = JsonCodec.strict();
        List<String> bad = new ArrayList<>();
        List<String> badChanges = new ArrayList<>();
        Read<Published> register;
        List<FactChange> facts;
        // The rule base is built while the files are read: building is mostly one thread, reading
        // uses every core, and neither needs the other until the re-check (docs/performance.md).
        FutureTask<SocialMediaPolicy> building = new FutureTask<>(policy::build);
        Thread builder = new Thread(building, "smpolicy-build");
        builder.setDaemon(true);
        builder.start();
        try {
            facts = read(changes, (line, n) -> json.readChange(line), null, badChanges).items();
            // Only the lines that name a changed person can be touched: the rest are counted, not read.
            RegisterLines touchable = RegisterLines.naming(facts.stream().map(FactChange::ref).toList());
            register = read(published, (line, n) -> json.readPublished(line, n), touchable, bad);
            bad.addAll(badChanges);
        } catch (BadLine e) {
            building.cancel(true);
            err.println("smpolicy recheck: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        // A bad line is named and skipped; every other line is still re-checked.
        bad.forEach(b -> err.println("smpolicy recheck: " + b));
        SocialMediaPolicy p = built(building);
        RecheckReport report;
        try {
            report = p.recheck(register.items(), facts, policy.clock().instant());
            report = new RecheckReport(report.at(), report.items() + register.unread(), report.touched(), report.reported());
        } catch (PolicyException e) {
            err.println("smpolicy recheck: " + e.getMessage().replace('\n', ' '));
            return Main.BAD_INPUT;
        }
        if (format == ClausesCommand.Format.json) {
            out.println(json.writeRecheck(report));
        } else {
            text(report, facts, out);
        }
        return !bad.isEmpty() ? Main.BAD_INPUT : report.anyMustComeDown() ? Main.PROBLEMS : Main.OK;
    }

    /** @return the policy built beside the reading, or what building it threw, as if built here */
    private static SocialMediaPolicy built(FutureTask<SocialMediaPolicy> building) {
        try {
            return building.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rule base was built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void text(RecheckReport r, List<FactChange> facts, PrintWriter out) {
        out.println("re-checked " + r.items() + " published posts against " + facts.size() + " changes: " + r.touched()
                + " touched, " + r.reported().size() + " to act on" + (r.anyMustComeDown() ? ", some must come down" : ""));
        r.byAccount().forEach((account, ids) -> {
            out.println("account " + account + ":");
            for (RecheckReport.Item i : r.reported()) {
                if (!i.account().equals(account)) {
                    continue;
                }
                out.println("  " + i.id() + " (published " + i.publishedAt() + "): " + i.before() + " -> " + i.decision().outcome()
                        + ", changes " + i.changes());
                for (RecheckReport.Duty d : i.duties()) {
                    out.println("    " + d.action() + " by " + d.owner() + " before "
                            + d.due().atZone(i.decision().zone()).toLocalDateTime() + " UK time: " + d.why());
                }
            }
        });
        r.byChange().forEach((c, ids) -> out.println("change " + c + " (" + facts.get(c - 1).change() + " " + facts.get(c - 1).ref()
                + "): " + String.join(", ", ids)));
    }

    /** The lines read, and how many were counted but not read. */
    private record Read<T>(List<T> items, long unread) {
    }

    /** The bytes of the register read at a time (a line longer than this grows it). */
    private static final int CHUNK = 4 << 20;

    /** A line counted but not read: no change can touch it. */
    private static final Object UNREAD = new Object();

    private static final class BadLine extends Exception {
        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * One line of a register or a change list: {@link #UNREAD} when no change can touch it,
     * {@code null} when blank, a {@link BadLine} when it cannot be read, else what it reads as.
     */
    private static <T> Object line(Path file, byte[] bytes, int[] span, long number, BiFunction<String, Long, T> reader,
                                   RegisterLines mustRead) {
        if (mustRead != null && !mustRead.mustRead(bytes, span[0], span[1])) {
            return UNREAD;
        }
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, span[0], span[1] - span[0])).toString();
        } catch (CharacterCodingException e) {
            return new BadLine(file + ":" + number + ": not UTF-8 text");
        }
        if (line.isBlank()) {
            return null;
        }
        try {
            return reader.apply(line, number);
        } catch (InvalidRequestException e) {
            return new BadLine(file + ":" + number + ": " + e.getMessage());
        }
    }

    private static <T> Read<T> read(Path file, BiFunction<String, Long, T> reader, RegisterLines mustRead, List<String> bad)
            throws BadLine {
        if (!Files.isRegularFile(file)) {
            throw new BadLine(file + ": not a readable file");
        }
        List<Object> parsed = new ArrayList<>();
        // Read a chunk at a time and split as bytes: a line no change can touch is never decoded.
        try (InputStream in = Files.newInputStream(file)) {
            LineBreaks.chunks(in, CHUNK, (bytes, spans, first) -> {
                // Lines are read in parallel and kept in file order; a bad line is named, not fatal.
                parsed.addAll(IntStream.range(0, spans.size()).parallel()
                        .mapToObj(i -> line(file, bytes, spans.get(i), first + i, reader, mustRead)).toList());
            });
        } catch (IOException | ArithmeticException | OutOfMemoryError e) {
            throw new BadLine(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        List<T> out = new ArrayList<>();
        long unread = 0;
        for (Object o : parsed) {
            if (o == UNREAD) {
                unread++;
            } else if (o instanceof BadLine b) {
                bad.add(b.getMessage());
            } else if (o != null) {
                @SuppressWarnings("unchecked")
                T t = (T) o;
                out.add(t);
            }
        }
        return new Read<>(out, unread);
    }
}
