package org.smpolicy.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.smpolicy.decision.Decision;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.io.JsonDocument;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;
import org.smpolicy.recheck.FactChange;
import org.smpolicy.recheck.Published;
import org.smpolicy.recheck.RecheckReport;

/** What each endpoint does, once the route table has chosen it and its method is allowed. */
final class Endpoints {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonCodec json;
    private final int maxBody;
    private final Schools schools;
    private final Guards guards;
    private final Predicate<HttpExchange> sameOrigin;
    private final PrometheusMeterRegistry metrics;
    private final java.util.concurrent.ConcurrentHashMap<List<String>, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Semaphore bulkSlots = new Semaphore(DecisionServer.MAX_BULK_AT_ONCE);
    private final Object reloadLock = new Object();

    Endpoints(JsonCodec json, int maxBody, Schools schools, Guards guards, Predicate<HttpExchange> sameOrigin,
              PrometheusMeterRegistry metrics) {
        this.json = json;
        this.maxBody = maxBody;
        this.schools = schools;
        this.guards = guards;
        this.sameOrigin = sameOrigin;
        this.metrics = metrics;
    }

    /**
     * The decision timer of a school, request type and outcome, registered on first use: building
     * and looking up its id took 13 to 25 µs of each request while the JIT warmed. Bounded by the schools served times the request types and outcomes.
     */
    private Timer timer(String school, String type, String outcome) {
        return timers.computeIfAbsent(List.of(school, type, outcome), k -> Timer.builder("smpolicy.decision")
                .description("time to decide one request").tags("type", type, "outcome", outcome, "school", school)
                .publishPercentileHistogram().register(metrics));
    }

    /** @return the body, or null when it was over the limit (and 413 was answered) */
    private byte[] bodyWithinLimit(HttpExchange ex) throws IOException {
        byte[] body = Wire.body(ex, maxBody);
        if (body == null) {
            Wire.tooLarge(ex, maxBody);
        }
        return body;
    }

    void decide(HttpExchange ex, School sc) throws IOException {
        java.util.Optional<java.time.Duration> paused = sc.policy.paused();
        if (paused.isPresent()) {
            // The school's decisions keep overrunning: refused before the body is read or parsed,
            // so a client that ignores Retry-After costs the service next to nothing.
            ex.getResponseHeaders().set("Retry-After", String.valueOf(Math.max(1, paused.get().toSeconds())));
            Wire.error(ex, 503, "school `" + sc.id + "`: its decisions kept running past their budget; try again later");
            return;
        }
        byte[] body = bodyWithinLimit(ex);
        if (body == null) {
            return;
        }
        try {
            PolicyRequest request = json.readRequest(new ByteArrayInputStream(body));
            long started = System.nanoTime();
            Instant at = Wire.decisionInstant(ex);
            Decision d = at == null ? sc.policy.decide(request) : sc.policy.decide(request, at);
            if (d.stoppedByBudget()) {
                // Fail closed: nothing was decided. The school's own pool is busy or its overlay too slow.
                ex.getResponseHeaders().set("Retry-After", "1");
                Wire.error(ex, 503, "school `" + sc.id + "`: " + d.finding(Decision.BUDGET_RULE).orElseThrow().message());
                return;
            }
            timer(sc.id, d.requestType(), d.outcome().name()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Wire.send(ex, 200, "application/json", json.writeDecision(d) + "\n");
        } catch (InvalidRequestException e) {
            invalid(ex, e.diagnostic());
        }
    }

    // {"published": [...], "changes": [...]}: the same items and changes as the command line's files.
    void recheck(HttpExchange ex, School sc) throws IOException {
        byte[] body = bodyWithinLimit(ex);
        if (body == null) {
            return;
        }
        try {
            JsonNode root = JsonDocument.parse(new String(body, StandardCharsets.UTF_8), "body", json.limits()).root();
            if (root == null || !root.isObject() || !root.path("published").isArray() || !root.path("changes").isArray()) {
                throw new InvalidRequestException("$", "expected {\"published\": [...], \"changes\": [...]}");
            }
            Iterator<String> names = root.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                if (!f.equals("published") && !f.equals("changes")) {
                    throw new InvalidRequestException("$." + f, "unknown field; a re-check has `published` and `changes`");
                }
            }
            if (root.get("published").size() + root.get("changes").size() > DecisionServer.MAX_RECHECK_ENTRIES) {
                throw new InvalidRequestException("$", "a re-check holds at most " + DecisionServer.MAX_RECHECK_ENTRIES + " items and changes");
            }
            List<Published> published = each(root, "published", (text, n) -> json.readPublished(text, n));
            List<FactChange> changes = each(root, "changes", (text, n) -> json.readChange(text));
            Instant at = Wire.decisionInstant(ex);
            RecheckReport report = at == null ? sc.policy.recheck(published, changes) : sc.policy.recheck(published, changes, at);
            Wire.send(ex, 200, "application/json", json.writeRecheck(report) + "\n");
        } catch (JsonDocument.MalformedException e) {
            // the strict reader's words name a place and a kind of fault, never the input
            invalid(ex, Diagnostic.at(Diagnostic.Code.MALFORMED_JSON, "$", "not JSON: " + e.getMessage(), null));
        } catch (InvalidRequestException e) {
            invalid(ex, e.diagnostic());
        }
    }

    /** 400 with the problem as a value: the client sees its path and kind, never the value it sent. */
    private void invalid(HttpExchange ex, Diagnostic d) throws IOException {
        Wire.send(ex, 400, "application/json", json.writeError(0, d, false) + "\n");
    }

    /** Reads each element of an array field as the command line reads a line, naming the element in errors. */
    private static <T> List<T> each(JsonNode root, String field, BiFunction<String, Integer, T> read) {
        List<T> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.get(field)) {
            try {
                out.add(read.apply(n.toString(), i + 1));
            } catch (InvalidRequestException e) {
                throw e.under("$." + field + "[" + i + "]");
            }
            i++;
        }
        return out;
    }

    void bulk(HttpExchange ex, School sc) throws IOException {
        byte[] body = bodyWithinLimit(ex);
        if (body == null) {
            return;
        }
        // Counted as the reader splits them.
        if (org.smpolicy.io.LineBreaks.count(body) + 1 > DecisionServer.MAX_BULK_LINES) {
            Wire.error(ex, 413, "$: a bulk request holds at most " + DecisionServer.MAX_BULK_LINES + " lines");
            return;
        }
        if (!bulkSlots.tryAcquire()) {
            ex.getResponseHeaders().set("Retry-After", "5");
            Wire.error(ex, 503, "$: the service is answering " + DecisionServer.MAX_BULK_AT_ONCE + " bulk requests already; try again shortly");
            return;
        }
        try {
            // Decisions are written as they are made: memory does not grow with the response.
            ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            Wire.securityHeaders(ex);
            ex.sendResponseHeaders(200, 0);
            long deadline = System.nanoTime() + DecisionServer.BULK_DEADLINE_MS * 1_000_000;
            OutputStream timed = new FilterOutputStream(ex.getResponseBody()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IOException("bulk answer past its deadline of " + DecisionServer.BULK_DEADLINE_MS / 1000 + " s");
                    }
                    out.write(b, off, len);
                }
            };
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(timed, StandardCharsets.UTF_8), 1 << 14))) {
                sc.bulk.run("body", in, out, new PrintWriter(Writer.nullWriter()));
            }
        } finally {
            bulkSlots.release();
        }
    }

    void reload(HttpExchange ex, School sc) throws IOException {
        if (!guards.reloadSwitchedOn()) {
            Wire.error(ex, 403, "reload is switched off: start the service with --reload-token (or SMPOLICY_RELOAD_TOKEN)");
            return;
        }
        if (!sameOrigin.test(ex)) {
            Wire.error(ex, 403, "reload refuses cross-site requests: the Origin or Host header does not name this service");
            return;
        }
        if (!guards.tokenGiven(ex)) {
            Wire.error(ex, 401, "reload needs `Authorization: Bearer <token>`");
            return;
        }
        if (sc.profile == null) {
            Wire.error(ex, 409, "no school profile to reload: start the service with --school DIR");
            return;
        }
        // One reload at a time, in arrival order: the last one accepted is the one in force.
        synchronized (reloadLock) {
            try {
                sc.policy.reload(sc.profile);
                sc.lastReloadProblems = List.of();
                metrics.counter("smpolicy.reloads", "school", sc.id, "result", "ok").increment();
                Wire.send(ex, 200, "application/json", "{\"reloaded\":true,\"profile\":" + Wire.json(sc.policy.profile()) + "}\n");
            } catch (PolicyLoadException e) {
                ObjectNode n = mapper.createObjectNode();
                sc.lastReloadProblems = e.problems();
                metrics.counter("smpolicy.reloads", "school", sc.id, "result", "refused").increment();
                n.put("error", "the profile has problems; the previous rule base keeps deciding");
                // The caller holds the reload token: the problems with what they quote.
                Wire.problems(n, e.diagnostics(), json);
                Wire.send(ex, 422, "application/json", mapper.writeValueAsString(n) + "\n");
            }
        }
    }

    void clauses(HttpExchange ex, School sc) throws IOException {
        Wire.send(ex, 200, "application/json", json.writeTraceability(sc.policy.traceability()) + "\n");
    }

    void status(HttpExchange ex, School sc) throws IOException {
        Wire.send(ex, 200, "application/json", json.writeStatus(sc.policy.status(), sc.policy.profile()) + "\n");
    }

    void schools(HttpExchange ex) throws IOException {
        ArrayNode list = mapper.createArrayNode();
        schools.serving().forEach((id, sc) -> list.addObject().put("id", id).put("profile", sc.policy.profile()));
        Wire.send(ex, 200, "application/json", mapper.writeValueAsString(list) + "\n");
    }

    void readiness(HttpExchange ex) throws IOException {
        // 503 while warming: a load balancer waits for the warm rate; degraded still serves, so 200.
        // The code follows the body's status, read once, so the two never disagree.
        com.fasterxml.jackson.databind.node.ObjectNode ready = schools.readiness(guards.tokenGiven(ex), json);
        Wire.send(ex, "warming".equals(ready.get("status").asText()) ? 503 : 200, "application/json", mapper.writeValueAsString(ready) + "\n");
    }

    void metrics(HttpExchange ex) throws IOException {
        Wire.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }

    void samples(HttpExchange ex) throws IOException {
        ObjectNode n = mapper.createObjectNode();
        for (String name : DecisionServer.SAMPLES) {
            n.set(name, mapper.readTree(Wire.resource("samples/" + name + ".json")));
        }
        Wire.send(ex, 200, "application/json", mapper.writeValueAsString(n) + "\n");
    }
}
