package org.smpolicy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.smpolicy.InvalidRequestException;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.json.JsonCodec;

/**
 * Decides a JSON-lines stream: one request per line in, one decision per line out, in input
 * order, on all cores. Lines are decided in batches on a pool of one thread per core; at most a
 * few batches per thread are in flight, so memory stays bounded whatever the input size. A bad
 * line gives {@code {"line":N,"error":"..."}} in its place on standard output and
 * {@code FILE:N: message} on standard error; the stream goes on. Blank lines are skipped.
 */
final class Bulk {

    static final int BATCH = 256;

    private final SocialMediaPolicy policy;
    private final JsonCodec reader;
    private final JsonCodec writer;
    private final String name;
    private final AtomicInteger failures = new AtomicInteger();

    Bulk(SocialMediaPolicy policy, JsonCodec reader, JsonCodec writer, String name) {
        this.policy = policy;
        this.reader = reader;
        this.writer = writer;
        this.name = name;
    }

    /** @return how many lines failed */
    int run(BufferedReader in, PrintWriter out, PrintWriter err) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "smpolicy-bulk");
            t.setDaemon(true);
            return t;
        });
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
                    submit(pool, inFlight, batch, firstLine);
                    batch = new ArrayList<>(BATCH);
                    while (inFlight.size() >= threads * 4) {
                        drain(inFlight.removeFirst(), out, err);
                    }
                }
            }
            if (!batch.isEmpty()) {
                submit(pool, inFlight, batch, firstLine);
            }
            while (!inFlight.isEmpty()) {
                drain(inFlight.removeFirst(), out, err);
            }
        } finally {
            pool.shutdownNow();
            out.flush();
            err.flush();
        }
        return failures.get();
    }

    private void submit(ExecutorService pool, Deque<Future<List<String[]>>> inFlight, List<String> lines, int first) {
        inFlight.addLast(pool.submit(() -> {
            List<String[]> results = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank()) {
                    continue;
                }
                int n = first + i;
                try {
                    results.add(new String[] {writer.writeDecision(policy.decide(reader.readRequest(l))), null});
                } catch (InvalidRequestException e) {
                    results.add(new String[] {"{\"line\":" + n + ",\"error\":" + quote(e.getMessage()) + "}", name + ":" + n + ": " + e.getMessage()});
                } catch (RuntimeException e) {
                    String m = "cannot decide: " + e.getMessage();
                    results.add(new String[] {"{\"line\":" + n + ",\"error\":" + quote(m) + "}", name + ":" + n + ": " + m});
                }
            }
            return results;
        }));
    }

    private void drain(Future<List<String[]>> f, PrintWriter out, PrintWriter err) throws IOException {
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
}
