package org.smpolicy.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.smpolicy.Decision;
import org.smpolicy.InvalidRequestException;
import org.smpolicy.PolicyLoadException;
import org.smpolicy.RuleInfo;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.catalogue.Clause;
import org.smpolicy.catalogue.PolicyStatus;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.json.JsonLinesDecider;
import org.smpolicy.json.JsonLimits;
import org.smpolicy.model.PolicyRequest;

/**
 * The HTTP decision service behind {@code smpolicy serve}, on the JDK's own
 * {@code com.sun.net.httpserver} (no dependency to keep up to date, enough for JSON over
 * loopback or behind a reverse proxy) with a bounded thread pool. Endpoints are listed in
 * {@code docs/service.md} and served as OpenAPI at {@code /openapi.json}.
 */
public final class DecisionServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: every
        // response then waits about 40 ms. Read once, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Sample requests the playground offers; a test keeps this list equal to examples/requests. */
    static final List<String> SAMPLES = List.of("student-photo-personal-account", "student-photo-federation-account",
            "follow-pupil-personal-account", "contact-parent-personal-mobile", "comment-saturday", "incident-mistake",
            "account-application", "staff-departure", "share-school-post-personal-account");

    private final SocialMediaPolicy policy;
    private final Path profile;
    private final String reloadToken;
    private final int maxBody;
    private final JsonCodec reader;
    private final JsonCodec writer;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final JsonLinesDecider bulk;

    private DecisionServer(SocialMediaPolicy policy, Path profile, String bind, int port, String reloadToken, int maxBody)
            throws IOException {
        this.policy = Objects.requireNonNull(policy);
        this.profile = profile;
        this.reloadToken = reloadToken;
        this.maxBody = maxBody;
        this.reader = JsonCodec.of(new JsonLimits(maxBody, JsonLimits.DEFAULTS.maxDepth(), JsonLimits.DEFAULTS.maxStringLength()),
                policy.calendar().zone());
        this.writer = reader;
        this.bulk = new JsonLinesDecider(policy, reader, writer);
        InetAddress address = InetAddress.getByName(bind);
        if (!address.isLoopbackAddress() && (reloadToken == null || reloadToken.isBlank())) {
            throw new IllegalArgumentException("binding to `" + bind + "` (not loopback) needs a reload token (--reload-token or SMPOLICY_RELOAD_TOKEN)");
        }
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                r -> {
                    Thread t = new Thread(r, "smpolicy-http");
                    t.setDaemon(true);
                    return t;
                });
        this.server = HttpServer.create(new InetSocketAddress(address, port), 256);
        server.setExecutor(command -> {
            try {
                executor.execute(command);
            } catch (RejectedExecutionException e) {
                command.run(); // the pool and its queue are full: serve on the acceptor thread rather than drop
            }
        });
        server.createContext("/", this::handle);
    }

    /**
     * Starts a server.
     *
     * @param policy      the policy to decide with
     * @param profile     the school profile directory the policy was built from, for reloads; null for the baseline
     * @param bind        the address to listen on (127.0.0.1 by default)
     * @param port        the port, 0 for any free one
     * @param reloadToken the token {@code POST /v1/reload} requires, or null (then reload is allowed only from loopback)
     * @param maxBody     the largest request body accepted, in bytes
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static DecisionServer start(SocialMediaPolicy policy, Path profile, String bind, int port, String reloadToken, int maxBody)
            throws IOException {
        DecisionServer s = new DecisionServer(policy, profile, bind, port, reloadToken, maxBody);
        s.server.start();
        return s;
    }

    /** @return the port it listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:8181} */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** Stops accepting, lets requests in flight finish (up to 5 s), then stops the threads. */
    @Override
    public void close() {
        server.stop(5);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bulk.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/v1/decide" -> {
                    if (allow(ex, "POST")) {
                        decide(ex);
                    }
                }
                case "/v1/decide/bulk" -> {
                    if (allow(ex, "POST")) {
                        bulk(ex);
                    }
                }
                case "/v1/clauses" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", mapper.writeValueAsString(clauses()) + "\n");
                    }
                }
                case "/v1/status" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", mapper.writeValueAsString(status()) + "\n");
                    }
                }
                case "/v1/samples" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", samples() + "\n");
                    }
                }
                case "/v1/reload" -> {
                    if (allow(ex, "POST")) {
                        reload(ex);
                    }
                }
                case "/healthz" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", "{\"status\":\"ok\"}\n");
                    }
                }
                case "/readyz" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", "{\"status\":\"ready\",\"profile\":" + mapper.writeValueAsString(policy.profile()) + "}\n");
                    }
                }
                case "/openapi.json" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", resource("openapi.json"));
                    }
                }
                case "/", "/index.html" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "text/html; charset=utf-8", resource("static/index.html"));
                    }
                }
                case "/playground.js" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "text/javascript; charset=utf-8", resource("static/playground.js"));
                    }
                }
                case "/playground.css" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "text/css; charset=utf-8", resource("static/playground.css"));
                    }
                }
                default -> error(ex, 404, "no such endpoint `" + path + "`; see /openapi.json");
            }
        } catch (RuntimeException e) {
            error(ex, 500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private boolean allow(HttpExchange ex, String method) throws IOException {
        if (method.equals(ex.getRequestMethod()) || "GET".equals(method) && "HEAD".equals(ex.getRequestMethod())) {
            return true;
        }
        ex.getResponseHeaders().add("Allow", method);
        error(ex, 405, "method `" + ex.getRequestMethod() + "` not allowed here; use " + method);
        return false;
    }

    private byte[] body(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxBody) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(maxBody + 1);
            return b.length > maxBody ? null : b;
        }
    }

    private void decide(HttpExchange ex) throws IOException {
        byte[] body = body(ex);
        if (body == null) {
            error(ex, 413, "$: request is larger than the limit of " + maxBody + " bytes");
            return;
        }
        try {
            PolicyRequest request = reader.readRequest(new ByteArrayInputStream(body));
            Decision d = policy.decide(request);
            send(ex, 200, "application/json", writer.writeDecision(d) + "\n");
        } catch (InvalidRequestException e) {
            error(ex, 400, e.getMessage());
        }
    }

    private void bulk(HttpExchange ex) throws IOException {
        byte[] body = body(ex);
        if (body == null) {
            error(ex, 413, "$: request is larger than the limit of " + maxBody + " bytes");
            return;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            bulk.run("body", in, new PrintWriter(out), new PrintWriter(err));
        }
        send(ex, 200, "application/x-ndjson", out.toString());
    }

    private void reload(HttpExchange ex) throws IOException {
        boolean loopback = ex.getRemoteAddress().getAddress().isLoopbackAddress();
        if (reloadToken != null && !reloadToken.isBlank()) {
            String auth = Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Authorization"), "");
            if (!MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), ("Bearer " + reloadToken).getBytes(StandardCharsets.UTF_8))) {
                error(ex, 401, "reload needs `Authorization: Bearer <token>`");
                return;
            }
        } else if (!loopback) {
            error(ex, 403, "reload is only allowed from loopback when no token is configured");
            return;
        }
        if (profile == null) {
            error(ex, 409, "no school profile to reload: start the service with --school DIR");
            return;
        }
        try {
            policy.reload(profile);
            send(ex, 200, "application/json", "{\"reloaded\":true,\"profile\":" + mapper.writeValueAsString(policy.profile()) + "}\n");
        } catch (PolicyLoadException e) {
            ObjectNode n = mapper.createObjectNode();
            n.put("error", "the profile has problems; the previous rule base keeps deciding");
            ArrayNode p = n.putArray("problems");
            e.problems().forEach(p::add);
            send(ex, 422, "application/json", mapper.writeValueAsString(n) + "\n");
        }
    }

    ArrayNode clauses() {
        Map<String, List<String>> rules = new TreeMap<>();
        for (RuleInfo r : policy.rules()) {
            for (String c : r.clauses()) {
                rules.computeIfAbsent(c, k -> new ArrayList<>()).add(r.id() + (r.enabled() ? "" : " (disabled)"));
            }
        }
        ArrayNode out = mapper.createArrayNode();
        for (Clause c : policy.clauses().clauses()) {
            ObjectNode n = out.addObject();
            n.put("id", c.id());
            n.put("summary", c.summary());
            n.put("treatment", c.treatment().name());
            n.put("note", c.note());
            ArrayNode r = n.putArray("rules");
            rules.getOrDefault(c.id(), List.of()).forEach(r::add);
        }
        return out;
    }

    ObjectNode status() {
        PolicyStatus s = policy.status();
        ObjectNode n = mapper.createObjectNode();
        n.put("name", s.name());
        n.put("version", s.version());
        n.put("ratified", s.ratified().toString());
        n.put("reviewCycle", s.reviewCycle().toString());
        n.put("reviewDue", s.reviewDue().toString());
        n.put("asOf", s.asOf().toString());
        n.put("overdue", s.overdue());
        n.put("summary", s.summary());
        n.put("profile", policy.profile());
        return n;
    }

    private String samples() throws IOException {
        ObjectNode n = mapper.createObjectNode();
        for (String name : SAMPLES) {
            n.set(name, mapper.readTree(resource("samples/" + name + ".json")));
        }
        return mapper.writeValueAsString(n);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DecisionServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void error(HttpExchange ex, int code, String message) throws IOException {
        send(ex, code, "application/json", "{\"error\":" + mapper.writeValueAsString(message) + "}\n");
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
