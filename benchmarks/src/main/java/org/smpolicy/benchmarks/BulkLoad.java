package org.smpolicy.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.smpolicy.JsonLinesDecider;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.rules.FederationInvariants;

/**
 * A load benchmark of bulk decisions as {@code smpolicy decide --jsonl} makes them (the same
 * {@link JsonLinesDecider}, one thread per core), in a fresh JVM, so that warm-up and steady state
 * can be told apart: it decides N generated requests (1,000,000 by default, the generator of
 * {@code GenerateRequests}, seeded) held in memory, so that the disk is not measured, and prints
 * the rate of every window of W output lines (50,000), then (with a FILE, its lines repeated to N
 * instead, e.g. the sample requests one per line):
 * <ul>
 * <li>the policy build time;</li>
 * <li>warm-up: the rate over the first 300,000 lines, and the time until a window first reaches 90%
 *     of the steady state;</li>
 * <li>steady state: the median window rate over the second half of the run.</li>
 * </ul>
 * Run from the repository root after {@code mvn -q -B install -DskipTests}:
 * {@code java -cp benchmarks/target/benchmarks.jar org.smpolicy.benchmarks.BulkLoad [N] [W] [FILE]}.
 * A benchmark, not a test: it asserts nothing; the numbers depend on the machine.
 */
public final class BulkLoad {

    private BulkLoad() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        List<String> lines = args.length > 2 ? repeat(java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[2])), n) : generate(n);
        long t0 = System.nanoTime();
        SocialMediaPolicy policy = SocialMediaPolicy.builder().clock(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)).build();
        double buildMs = (System.nanoTime() - t0) / 1e6;
        WindowedWriter out = new WindowedWriter(window);
        try (JsonLinesDecider bulk = new JsonLinesDecider(policy, JsonCodec.strict())) {
            out.start = System.nanoTime();
            bulk.run("generated", new BufferedReader(new LinesReader(lines)), new PrintWriter(out), new PrintWriter(Writer.nullWriter()));
        }
        List<Double> rates = new ArrayList<>();
        long previous = out.start;
        for (int i = 0; i < out.marks.size(); i++) {
            double s = (out.marks.get(i) - previous) / 1e9;
            rates.add(window / s);
            previous = out.marks.get(i);
            System.out.printf("lines %,9d  %,8.0f decisions/s%n", (long) (i + 1) * window, window / s);
        }
        List<Double> second = new ArrayList<>(rates.subList(rates.size() / 2, rates.size()));
        second.sort(null);
        double steady = second.get(second.size() / 2);
        int first300 = Math.min(300_000 / window, out.marks.size()) - 1;
        double warmRate = (first300 + 1) * (double) window / ((out.marks.get(first300) - out.start) / 1e9);
        double toSteady = Double.NaN;
        for (int i = 0; i < rates.size(); i++) {
            if (rates.get(i) >= 0.9 * steady) {
                toSteady = (out.marks.get(i) - out.start) / 1e9;
                break;
            }
        }
        double total = (out.lastLine - out.start) / 1e9;
        System.out.printf("%nmachine: %d cores, %s %s, heap max %,d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("policy build: %.0f ms%n", buildMs);
        System.out.printf("warm-up: first 300,000 lines at %,.0f decisions/s; 90%% of steady state after %.1f s%n", warmRate, toSteady);
        System.out.printf("steady state (median window, second half): %,.0f decisions/s%n", steady);
        System.out.printf("all %,d lines: %.1f s, %,.0f decisions/s%n", n, total, n / total);
    }

    /** The file's lines over and over, n in all: a sample mix (examples/requests, one per line) as a corpus. */
    static List<String> repeat(List<String> sample, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sample.get(i % sample.size()));
        }
        return out;
    }

    static List<String> generate(int n) {
        Random random = new Random(20261125L);
        JsonCodec json = JsonCodec.strict();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(json.writeRequest(FederationInvariants.request(random)));
        }
        return out;
    }

    /** The lines, read as one stream with a newline after each. */
    static final class LinesReader extends Reader {
        private final List<String> lines;
        private int line;
        private int pos = -1;

        LinesReader(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (line >= lines.size()) {
                return -1;
            }
            int written = 0;
            while (written < len && line < lines.size()) {
                String l = lines.get(line);
                if (pos < 0) {
                    pos = 0;
                }
                if (pos < l.length()) {
                    int k = Math.min(len - written, l.length() - pos);
                    l.getChars(pos, pos + k, buf, off + written);
                    pos += k;
                    written += k;
                } else {
                    buf[off + written++] = '\n';
                    line++;
                    pos = -1;
                }
            }
            return written;
        }

        @Override
        public void close() {
        }
    }

    /** Discards output, noting the time at every window of lines. */
    static final class WindowedWriter extends Writer {
        final int window;
        final List<Long> marks = new ArrayList<>();
        long start;
        long lastLine;
        long count;

        WindowedWriter(int window) {
            this.window = window;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (cbuf[i] == '\n') {
                    line();
                }
            }
        }

        @Override
        public void write(int c) {
            if (c == '\n') {
                line();
            }
        }

        @Override
        public void write(String s, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (s.charAt(i) == '\n') {
                    line();
                }
            }
        }

        private void line() {
            count++;
            lastLine = System.nanoTime();
            if (count % window == 0) {
                marks.add(lastLine);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
