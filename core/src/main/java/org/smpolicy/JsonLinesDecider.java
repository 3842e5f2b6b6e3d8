package org.smpolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;

/**
 * Decides JSON-lines streams: one request per line in, one decision per line out, in input
 * order, on all cores. Lines are decided in batches on one pool of one thread per core, owned by
 * this object and shared by every stream it decides; at most a few batches per thread are in
 * flight, so memory stays bounded whatever the input size. A bad line gives
 * {@code {"line":N,"error":"..."}} in its place and {@code NAME:N: message} on the error writer;
 * the stream goes on. Blank lines are skipped. The command line's {@code decide --jsonl} and the
 * decision service's bulk endpoint both use it.
 *
 * <pre>{@code
 * try (JsonLinesDecider bulk = new JsonLinesDecider(policy, JsonCodec.strict())) {
 *     int failed = bulk.run("requests.jsonl", in, out, err);
 * }
 * }</pre>
 */
public final class JsonLinesDecider implements AutoCloseable {

    /** Lines decided together on one thread. */
    static final int BATCH = 256;

    private final SocialMediaPolicy policy;
    private final JsonCodec json;
    private final int threads;
    private final ExecutorService pool;
    private final boolean redact;

    /**
     * @param policy the policy deciding every line
     * @param json   reads each line and writes each decision
     */
    public JsonLinesDecider(SocialMediaPolicy policy, JsonCodec json) {
        this(policy, json, false);
    }

    /**
     * @param policy the policy deciding every line
     * @param json   reads each line and writes each decision
     * @param redact whether error lines leave out the request's values (names, dates, text), as a
     *               service answering an HTTP client must: the JSON path and the problem remain
     */
    public JsonLinesDecider(SocialMediaPolicy policy, JsonCodec json, boolean redact) {
        this.redact = redact;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.json = Objects.requireNonNull(json, "json");
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, r -> new Cores.PoolThread(r, "smpolicy-bulk"));
    }

    /**
     * Decides one stream.
     *
     * @param name the stream's name for error lines
     * @param in   one request per line
     * @param out  receives one line per input line, in input order: the decision with its `line` number, or {@code {"line": N, "error": ...}} for a blank or bad line
     * @param err  receives {@code NAME:N: message} for each bad line
     * @return how many lines failed
     * @throws IOException on read errors
     */
    public int run(String name, BufferedReader in, PrintWriter out, PrintWriter err) throws IOException {
        AtomicInteger failures = new AtomicInteger();
        Deque<Future<List<String[]>>> inFlight = new ArrayDeque<>();
        try {
            int lineNo = 0;
            List<String> batch = new ArrayList<>(BATCH);
            int firstLine = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (batch.isEmpty()) {
                    firstLine = lineNo;
                }
                batch.add(line);
                if (batch.size() == BATCH) {
                    inFlight.addLast(submit(name, batch, firstLine));
                    batch = new ArrayList<>(BATCH);
                    while (inFlight.size() >= threads * 4) {
                        drain(inFlight.removeFirst(), out, err, failures);
                    }
                }
            }
            if (!batch.isEmpty()) {
                inFlight.addLast(submit(name, batch, firstLine));
            }
            while (!inFlight.isEmpty()) {
                drain(inFlight.removeFirst(), out, err, failures);
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            out.flush();
            err.flush();
        }
        return failures.get();
    }

    private Future<List<String[]>> submit(String name, List<String> lines, int first) {
        return pool.submit(() -> {
            List<String[]> results = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                int n = first + i;
                Line r = decideLine(policy, json, json::readRequest, l, n, redact);
                results.add(new String[] {r.output(), r.error().map(m -> name + ":" + n + ": " + m).orElse(null)});
            }
            return results;
        });
    }

    /**
     * The outcome of one line.
     *
     * @param output the decision's JSON, or {@code {"line":N,"error":"..."}} in its place
     * @param error  what went wrong, when it did
     */
    public record Line(String output, java.util.Optional<String> error) {
    }

    /**
     * Decides one line as {@code decide --jsonl} does: the one definition of a line's output, for
     * every way of deciding a corpus (this class, the Spark job).
     *
     * @param policy the policy
     * @param json   the codec
     * @param line   one request document
     * @param number its line number, from 1, for the error object
     * @return the line's output
     */
    public static Line decideLine(SocialMediaPolicy policy, JsonCodec json, String line, long number) {
        return decideLine(policy, json, json::readRequest, line, number);
    }

    /**
     * Decides one line read by a reader of one's own (such as {@link JsonCodec#readCorpusLine}).
     *
     * @param policy the policy
     * @param json   the codec that writes the decision
     * @param reader reads the line's request, throwing {@link InvalidRequestException}
     * @param line   one line
     * @param number its line number, from 1, for the error object
     * @return the line's output
     */
    public static Line decideLine(SocialMediaPolicy policy, JsonCodec json, java.util.function.Function<String, org.smpolicy.model.PolicyRequest> reader,
                                  String line, long number) {
        return decideLine(policy, json, reader, line, number, false);
    }

    private static Line decideLine(SocialMediaPolicy policy, JsonCodec json, java.util.function.Function<String, org.smpolicy.model.PolicyRequest> reader,
                                   String line, long number, boolean redact) {
        if (line.isBlank()) {
            // One output line per input line: a host pairs output line N with input line N.
            return new Line("{\"line\":" + number + ",\"error\":\"blank line: one request per line\"}",
                    java.util.Optional.of("blank line: one request per line"));
        }
        try {
            // Each decision carries its input line, as each error object does.
            String decision = json.writeDecision(policy.decide(reader.apply(line)));
            return new Line("{\"line\":" + number + "," + decision.substring(1), java.util.Optional.empty());
        } catch (InvalidRequestException e) {
            String m = redact ? e.withoutValues() : e.getMessage();
            return new Line(json.writeError(number, e.diagnostic(), !redact), java.util.Optional.of(m));
        } catch (RuntimeException e) {
            String m = "cannot decide: " + (redact ? e.getClass().getSimpleName() : e.getMessage());
            return new Line("{\"line\":" + number + ",\"error\":" + quote(m) + "}", java.util.Optional.of(m));
        }
    }

    private static void drain(Future<List<String[]>> f, PrintWriter out, PrintWriter err, AtomicInteger failures) throws IOException {
        List<String[]> results;
        try {
            results = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        for (String[] r : results) {
            out.write(r[0]);
            out.write('\n');
            if (r[1] != null) {
                failures.incrementAndGet();
                err.println(r[1]);
            }
        }
        // A reader that went away, or an answer past its deadline: stop deciding for nobody.
        if (out.checkError()) {
            throw new IOException("the output can no longer be written");
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Stops the pool; streams still running fail. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
