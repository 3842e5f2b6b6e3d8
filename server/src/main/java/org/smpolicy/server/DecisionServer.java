package org.smpolicy.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.smpolicy.JsonLinesDecider;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.decision.Decision;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.diagnostic.PolicyLoadException;
import org.smpolicy.io.JsonLimits;
import org.smpolicy.json.JsonCodec;
import org.smpolicy.model.PolicyRequest;

/**
 * The HTTP decision service behind {@code smpolicy serve}, on embedded Jetty 12 (through its
 * implementation of the {@code com.sun.net.httpserver} API, so the handlers are plain
 * {@code HttpExchange} code): non-blocking request parsing, idle and minimum-data-rate timeouts,
 * header, body and connection limits. Endpoints are listed in {@code docs/service.md} and served
 * as OpenAPI at {@code /openapi.json}.
 */
public final class DecisionServer implements AutoCloseable {

    /** Sample requests the playground offers; a test keeps this list equal to examples/requests. */
    static final List<String> SAMPLES = List.of("student-photo-personal-account", "student-photo-federation-account",
            "follow-pupil-personal-account", "contact-parent-personal-mobile", "comment-saturday", "incident-mistake",
            "account-application", "staff-departure", "share-school-post-personal-account",
            "share-pupil-photos-federation-account", "pupil-reports-bullying");

    /** One school's policy, served at {@code /v1/schools/{id}/...} (the baseline at {@code /v1/...}). */
    private static final class School {
        final String id;
        final SocialMediaPolicy policy;
        final Path profile;
        final JsonLinesDecider bulk;
        volatile List<String> lastReloadProblems = List.of();

        School(String id, SocialMediaPolicy policy, Path profile, JsonCodec json) {
            this.id = id;
            this.policy = policy;
            this.profile = profile;
            this.bulk = new JsonLinesDecider(policy, json, true);
        }
    }

    private final School main;
    private final Map<String, School> schools = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> brokenSchools = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> loadingSchools = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final String reloadToken;
    private volatile Path schoolsDir;
    private final int maxBody;
    private final JsonCodec reader;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Smallest request body limit that can be configured. */
    public static final int MIN_BODY = 1024;
    /** Largest request body limit that can be configured (64 MiB). */
    public static final int MAX_BODY = 64 * 1024 * 1024;
    /** Idle time after which a connection is closed. */
    static final int IDLE_TIMEOUT_MS = 30_000;
    /** Largest request line and headers. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** Most lines one bulk request may hold. */
    static final int MAX_BULK_LINES = 10_000;
    /** Worker threads: bodies being read, decisions being made. */
    static final int MAX_THREADS = 256;
    /** Most connections open at once. */
    static final int MAX_CONNECTIONS = 512;
    /** Slowest a request body may arrive or a response be read, in bytes per second. */
    static final long MIN_DATA_RATE = 1024;
    /**
     * Most bulk requests served at once. A bulk answer is long and a client may read it slowly,
     * so bulk work holds at most this many of the worker threads: probes and single decisions
     * always find one free. Past it a bulk request is answered 503 at once.
     */
    static final int MAX_BULK_AT_ONCE = 16;
    /** The longest a bulk answer may take to write, whatever the client's rate. */
    static final long BULK_DEADLINE_MS = 120_000;
    private final java.util.concurrent.Semaphore bulkSlots = new java.util.concurrent.Semaphore(MAX_BULK_AT_ONCE);

    private final Server jetty;
    private final ServerConnector connector;
    private final JettyHttpServer server;
    private final Object reloadLock = new Object();
    private final io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics =
            new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    private volatile java.util.function.Consumer<String> accessLog;
    private volatile java.util.Set<String> corsOrigins = java.util.Set.of();
    private final boolean isLoopback;

    private DecisionServer(SocialMediaPolicy policy, Path profile, String bind, int port, String reloadToken, int maxBody)
            throws IOException {
        Objects.requireNonNull(policy);
        this.reloadToken = reloadToken;
        if (maxBody < MIN_BODY || maxBody > MAX_BODY) {
            throw new IllegalArgumentException("--max-body `" + maxBody + "` must be from " + MIN_BODY + " to " + MAX_BODY + " bytes");
        }
        this.maxBody = maxBody;
        this.reader = JsonCodec.of(new JsonLimits(maxBody, JsonLimits.DEFAULTS.maxDepth(), JsonLimits.DEFAULTS.maxStringLength()));
        this.main = new School("baseline", policy, profile, reader);
        InetAddress address = InetAddress.getByName(bind);
        if (!address.isLoopbackAddress() && (reloadToken == null || reloadToken.isBlank())) {
            throw new IllegalArgumentException("binding to `" + bind + "` (not loopback) needs a reload token (--reload-token or SMPOLICY_RELOAD_TOKEN)");
        }
        // Jetty's connector parses requests without holding a worker thread, so slow clients cannot
        // starve the pool; idle connections close, a client reading or sending a body slower than
        // MIN_DATA_RATE fails, and at most MAX_CONNECTIONS are open at once.
        // A handler blocks while it reads a body, so the pool is sized for many slow bodies at once
        // (each is cut off by MIN_DATA_RATE); decisions themselves are short.
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("smpolicy-http");
        threads.setDaemon(true);
        this.jetty = new Server(threads);
        jetty.setStopTimeout(5_000);
        jetty.setErrorHandler(errorPages());
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(address.getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, jetty));
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        jetty.setHandler(new StatisticsHandler.MinimumDataRateHandler(contexts, MIN_DATA_RATE, MIN_DATA_RATE));
        this.server = new JettyHttpServer(jetty, true);
        this.isLoopback = address.isLoopbackAddress();
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
        try {
            s.jetty.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the decision service on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return s;
    }

    /** @return the port it listens on */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:8181} */
    public String url() {
        return "http://" + connector.getHost() + ":" + port();
    }

    /** Stops accepting, lets requests in flight finish (up to 5 s), then stops the threads. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Stopping failed part-way: nothing more to release here.
        }
        main.bulk.close();
        schools.values().forEach(sc -> sc.bulk.close());
    }

    /**
     * @param sink receives one access-log line per request: time, method, path, status and
     *             milliseconds; never a query string, header value or body, so no personal data
     * @return this server
     */
    public DecisionServer accessLog(java.util.function.Consumer<String> sink) {
        this.accessLog = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /**
     * @param origins browser origins allowed to call the decision endpoints (CORS), e.g.
     *                {@code https://mis.example.org}; none by default
     * @return this server
     */
    public DecisionServer corsOrigins(java.util.Set<String> origins) {
        this.corsOrigins = java.util.Set.copyOf(origins);
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        long started = System.nanoTime();
        // The error path must run before the exchange closes: a try-with-resources closes its
        // resource before its own catch clauses run, which used to leave an empty reply.
        try (ex) {
            try {
                cors(ex);
                if (address(ex) == null) {
                    error(ex, 400, "?at: the address cannot be read: a malformed %-escape in the path or in `?at`");
                } else if ("OPTIONS".equals(ex.getRequestMethod())) {
                    ex.getResponseHeaders().set("Allow", "GET, POST, OPTIONS");
                    securityHeaders(ex);
                    ex.sendResponseHeaders(204, -1);
                } else {
                    route(ex);
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                error(ex, 500, "internal error while handling the request: " + e.getClass().getSimpleName());
            }
        } finally {
            java.util.function.Consumer<String> log = accessLog;
            if (log != null) {
                URI address = address(ex);
                log.accept(java.time.Instant.now() + " " + ex.getRequestMethod() + " " + (address == null ? "?" : address.getRawPath())
                        .replaceAll("[^A-Za-z0-9/._~-]", "?") + " " + ex.getResponseCode() + " "
                        + (System.nanoTime() - started) / 1_000_000 + "ms");
            }
        }
    }

    /** @return the request's address, or null when it cannot be parsed (a malformed %-escape) */
    private static URI address(HttpExchange ex) {
        try {
            return ex.getRequestURI();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void cors(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && corsOrigins.contains(origin.strip())) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin.strip());
            ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
            ex.getResponseHeaders().set("Access-Control-Max-Age", "600");
        }
        ex.getResponseHeaders().add("Vary", "Origin");
    }

    private void route(HttpExchange ex) throws IOException {
        String full = ex.getRequestURI().getPath();
        if (full.startsWith("/v1/schools/")) {
            String rest = full.substring("/v1/schools/".length());
            int slash = rest.indexOf('/');
            String id = slash < 0 ? rest : rest.substring(0, slash);
            School sc = schools.get(id);
            if (sc == null && loadingSchools.contains(id)) {
                ex.getResponseHeaders().set("Retry-After", "5");
                error(ex, 503, "this school is still loading; try again shortly");
                return;
            }
            if (sc == null) {
                List<String> broken = brokenSchools.get(id);
                error(ex, broken == null ? 404 : 503, broken == null ? "no such school; see /readyz"
                        : "this school's profile has problems and serves no decisions; see /readyz");
                return;
            }
            routeSchool(ex, sc, slash < 0 ? "" : rest.substring(slash));
            return;
        }
        if (full.startsWith("/v1/") && routeSchool(ex, main, full.substring(3))) {
            return;
        }
        {
            String path = full;
            String method = ex.getRequestMethod();
            switch (path) {
                case "/v1/samples" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", samples() + "\n");
                    }
                }
                case "/v1/schools" -> {
                    if (allow(ex, "GET")) {
                        ArrayNode list = mapper.createArrayNode();
                        new java.util.TreeMap<>(schools).forEach((id, sc) -> list.addObject().put("id", id).put("profile", sc.policy.profile()));
                        send(ex, 200, "application/json", mapper.writeValueAsString(list) + "\n");
                    }
                }
                case "/metrics" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                    }
                }
                case "/healthz" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", "{\"status\":\"ok\"}\n");
                    }
                }
                case "/readyz" -> {
                    if (allow(ex, "GET")) {
                        send(ex, 200, "application/json", mapper.writeValueAsString(readiness(tokenGiven(ex))) + "\n");
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
                default -> error(ex, 404, "no such endpoint; see /openapi.json");
            }
        }
    }

    /** @return whether the path was one of a school's endpoints (handled) */
    private boolean routeSchool(HttpExchange ex, School sc, String sub) throws IOException {
        switch (sub) {
            case "/decide" -> {
                if (allow(ex, "POST")) {
                    decide(ex, sc);
                }
            }
            case "/decide/bulk" -> {
                if (allow(ex, "POST")) {
                    bulk(ex, sc);
                }
            }
            case "/recheck" -> {
                if (allow(ex, "POST")) {
                    recheck(ex, sc);
                }
            }
            case "/clauses" -> {
                if (allow(ex, "GET")) {
                    send(ex, 200, "application/json", reader.writeTraceability(sc.policy.traceability()) + "\n");
                }
            }
            case "/status" -> {
                if (allow(ex, "GET")) {
                    send(ex, 200, "application/json", status(sc) + "\n");
                }
            }
            case "/reload" -> {
                if (allow(ex, "POST")) {
                    reload(ex, sc);
                }
            }
            default -> {
                if (sc != main) {
                    error(ex, 404, "no such endpoint; see /openapi.json");
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    ObjectNode readiness() {
        return readiness(false);
    }

    /**
     * @return every school this server knows, by id, with its state in words ("ready", "loading",
     *         "broken: N problem(s)"), for the start banner
     */
    public Map<String, String> schoolStates() {
        Map<String, String> out = new java.util.TreeMap<>();
        schools.forEach((id, sc) -> out.put(id, "ready (" + sc.policy.profile() + ")"));
        loadingSchools.forEach(id -> out.put(id, "loading"));
        brokenSchools.forEach((id, p) -> out.put(id, "broken: " + p.size() + " problem(s), see /readyz"));
        return out;
    }

    /** Whether the request carries the reload token: only then does {@code /readyz} say what is wrong with a profile. */
    private boolean tokenGiven(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        return reloadToken != null && !reloadToken.isBlank() && auth != null
                && MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), ("Bearer " + reloadToken).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Probes say school and state only; a profile's problems (which name its files) are shown to a
     * caller with the reload token, with paths relative to the schools directory.
     */
    ObjectNode readiness(boolean withProblems) {
        ObjectNode n = mapper.createObjectNode();
        boolean ready = brokenSchools.isEmpty() && loadingSchools.isEmpty() && schools.values().stream().allMatch(sc -> sc.lastReloadProblems.isEmpty())
                && main.lastReloadProblems.isEmpty();
        n.put("status", ready ? "ready" : "degraded");
        n.put("profile", main.policy.profile());
        if (!main.lastReloadProblems.isEmpty()) {
            n.put("lastReloadFailed", true);
        }
        ObjectNode all = n.putObject("schools");
        for (School sc : new java.util.TreeMap<>(schools).values()) {
            ObjectNode s1 = all.putObject(sc.id);
            s1.put("status", sc.lastReloadProblems.isEmpty() ? "ready" : "serving the previous version: the last reload failed");
            s1.put("profile", sc.policy.profile());
        }
        for (String id : new java.util.TreeSet<>(loadingSchools)) {
            all.putObject(id).put("status", "loading");
        }
        for (Map.Entry<String, List<String>> b : new java.util.TreeMap<>(brokenSchools).entrySet()) {
            ObjectNode s1 = all.putObject(b.getKey());
            s1.put("status", "broken: serves no decisions");
            if (withProblems) {
                ArrayNode p = s1.putArray("problems");
                b.getValue().forEach(line -> p.add(schoolsDir == null ? line : line.replace(schoolsDir.toAbsolutePath() + java.io.File.separator, "")
                        .replace(schoolsDir + java.io.File.separator, "")));
            } else {
                s1.put("problems", b.getValue().size());
            }
        }
        return n;
    }

    /**
     * Serves every school profile directory in {@code dir} at {@code /v1/schools/{id}/...}, where
     * {@code id} is the directory's name. A profile with problems is listed as broken in
     * {@code /readyz} and its endpoints answer 503; the others serve.
     *
     * @param dir    a directory of school profile directories
     * @param policy builds one school's policy from its profile directory
     * @return this server
     * @throws IOException when the directory cannot be listed
     */
    public DecisionServer schools(Path dir, java.util.function.Function<Path, SocialMediaPolicy> policy) throws IOException {
        this.schoolsDir = dir;
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(dir)) {
            List<Path> found = list.filter(java.nio.file.Files::isDirectory).sorted()
                    .filter(p -> p.getFileName().toString().matches("[a-z0-9][a-z0-9-]{0,62}")
                            && java.nio.file.Files.isRegularFile(p.resolve("profile.json"))).toList();
            // Known before they are built: while one loads, its address answers 503, not "no such school".
            found.forEach(p -> loadingSchools.add(p.getFileName().toString()));
            for (Path p : found) {
                String id = p.getFileName().toString();
                try {
                    SocialMediaPolicy sp = policy.apply(p);
                    schools.put(id, new School(id, sp, p, reader));
                } catch (PolicyLoadException e) {
                    brokenSchools.put(id, e.problems());
                } catch (RuntimeException | StackOverflowError e) {
                    // One school's profile never stops the others from serving.
                    brokenSchools.put(id, List.of(p.resolve("profile.json") + ":1: cannot be loaded (" + e.getClass().getSimpleName() + ")"));
                } finally {
                    loadingSchools.remove(id);
                }
            }
        }
        return this;
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

    private void decide(HttpExchange ex, School sc) throws IOException {
        byte[] body = body(ex);
        if (body == null) {
            tooLarge(ex);
            return;
        }
        try {
            PolicyRequest request = reader.readRequest(new ByteArrayInputStream(body));
            long started = System.nanoTime();
            java.time.Instant at = decisionInstant(ex);
            Decision d = at == null ? sc.policy.decide(request) : sc.policy.decide(request, at);
            if (d.stoppedByBudget()) {
                // Fail closed: nothing was decided. The school's own pool is busy or its overlay too slow.
                ex.getResponseHeaders().set("Retry-After", "1");
                error(ex, 503, "school `" + sc.id + "`: " + d.finding(Decision.BUDGET_RULE).orElseThrow().message());
                return;
            }
            io.micrometer.core.instrument.Timer.builder("smpolicy.decision").description("time to decide one request")
                    .tags("type", d.requestType(), "outcome", d.outcome().name(), "school", sc.id)
                    .publishPercentileHistogram().register(metrics).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            send(ex, 200, "application/json", reader.writeDecision(d) + "\n");
        } catch (InvalidRequestException e) {
            error(ex, 400, e.withoutValues());
        }
    }

    // `?at=` decides as at another instant (the playground's "now"); anything else in the query is refused.
    private static java.time.Instant decisionInstant(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null || q.isEmpty()) {
            return null;
        }
        if (!q.startsWith("at=") || q.indexOf('&') >= 0) {
            throw new InvalidRequestException("?", "the only query parameter is `at`, an instant with an offset");
        }
        try {
            String value = java.net.URLDecoder.decode(q.substring(3), StandardCharsets.UTF_8);
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidRequestException("?at", "not an instant: expected ISO-8601 with an offset, e.g. 2026-11-25T10:00:00Z");
        }
    }

    /** Most published items plus changes one re-check request may hold. */
    static final int MAX_RECHECK_ENTRIES = 10_000;

    // {"published": [...], "changes": [...]}: the same items and changes as the command line's files.
    private void recheck(HttpExchange ex, School sc) throws IOException {
        byte[] body = body(ex);
        if (body == null) {
            tooLarge(ex);
            return;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode root = org.smpolicy.io.JsonDocument.parse(new String(body, StandardCharsets.UTF_8),
                    "body", reader.limits()).root();
            if (root == null || !root.isObject() || !root.path("published").isArray() || !root.path("changes").isArray()) {
                throw new InvalidRequestException("$", "expected {\"published\": [...], \"changes\": [...]}");
            }
            java.util.Iterator<String> names = root.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                if (!f.equals("published") && !f.equals("changes")) {
                    throw new InvalidRequestException("$." + f, "unknown field; a re-check has `published` and `changes`");
                }
            }
            if (root.get("published").size() + root.get("changes").size() > MAX_RECHECK_ENTRIES) {
                throw new InvalidRequestException("$", "a re-check holds at most " + MAX_RECHECK_ENTRIES + " items and changes");
            }
            List<org.smpolicy.recheck.Published> published = each(root, "published", (text, n) -> reader.readPublished(text, n));
            List<org.smpolicy.recheck.FactChange> changes = each(root, "changes", (text, n) -> reader.readChange(text));
            java.time.Instant at = decisionInstant(ex);
            org.smpolicy.recheck.RecheckReport report = at == null ? sc.policy.recheck(published, changes)
                    : sc.policy.recheck(published, changes, at);
            send(ex, 200, "application/json", reader.writeRecheck(report) + "\n");
        } catch (org.smpolicy.io.JsonDocument.MalformedException e) {
            error(ex, 400, "$: not JSON: " + e.getMessage().replaceAll("`[^`]*`", "`…`"));
        } catch (InvalidRequestException e) {
            error(ex, 400, e.withoutValues());
        }
    }

    /** Reads each element of an array field as the command line reads a line, naming the element in errors. */
    private static <T> List<T> each(com.fasterxml.jackson.databind.JsonNode root, String field,
                                    java.util.function.BiFunction<String, Integer, T> read) {
        List<T> out = new java.util.ArrayList<>();
        int i = 0;
        for (com.fasterxml.jackson.databind.JsonNode n : root.get(field)) {
            try {
                out.add(read.apply(n.toString(), i + 1));
            } catch (InvalidRequestException e) {
                throw e.under("$." + field + "[" + i + "]");
            }
            i++;
        }
        return out;
    }

    private void bulk(HttpExchange ex, School sc) throws IOException {
        byte[] body = body(ex);
        if (body == null) {
            tooLarge(ex);
            return;
        }
        // Counted as the reader splits them: LF, CR and CR LF each end a line.
        int lines = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n' || body[i] == '\r' && (i + 1 == body.length || body[i + 1] != '\n')) {
                lines++;
            }
        }
        if (lines + 1 > MAX_BULK_LINES) {
            error(ex, 413, "$: a bulk request holds at most " + MAX_BULK_LINES + " lines");
            return;
        }
        if (!bulkSlots.tryAcquire()) {
            ex.getResponseHeaders().set("Retry-After", "5");
            error(ex, 503, "$: the service is answering " + MAX_BULK_AT_ONCE + " bulk requests already; try again shortly");
            return;
        }
        try {
            // Decisions are written as they are made: memory does not grow with the response.
            ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            securityHeaders(ex);
            ex.sendResponseHeaders(200, 0);
            long deadline = System.nanoTime() + BULK_DEADLINE_MS * 1_000_000;
            java.io.OutputStream timed = new java.io.FilterOutputStream(ex.getResponseBody()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IOException("bulk answer past its deadline of " + BULK_DEADLINE_MS / 1000 + " s");
                    }
                    out.write(b, off, len);
                }
            };
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(timed,
                         StandardCharsets.UTF_8), 1 << 14))) {
                sc.bulk.run("body", in, out, new PrintWriter(java.io.Writer.nullWriter()));
            }
        } finally {
            bulkSlots.release();
        }
    }

    private void reload(HttpExchange ex, School sc) throws IOException {
        if (reloadToken == null || reloadToken.isBlank()) {
            error(ex, 403, "reload is switched off: start the service with --reload-token (or SMPOLICY_RELOAD_TOKEN)");
            return;
        }
        if (!sameOrigin(ex)) {
            error(ex, 403, "reload refuses cross-site requests: the Origin or Host header does not name this service");
            return;
        }
        String auth = Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Authorization"), "");
        if (!MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), ("Bearer " + reloadToken).getBytes(StandardCharsets.UTF_8))) {
            error(ex, 401, "reload needs `Authorization: Bearer <token>`");
            return;
        }
        if (sc.profile == null) {
            error(ex, 409, "no school profile to reload: start the service with --school DIR");
            return;
        }
        // One reload at a time, in arrival order: the last one accepted is the one in force.
        synchronized (reloadLock) {
            try {
                sc.policy.reload(sc.profile);
                sc.lastReloadProblems = List.of();
                metrics.counter("smpolicy.reloads", "school", sc.id, "result", "ok").increment();
                send(ex, 200, "application/json", "{\"reloaded\":true,\"profile\":" + mapper.writeValueAsString(sc.policy.profile()) + "}\n");
            } catch (PolicyLoadException e) {
                ObjectNode n = mapper.createObjectNode();
                sc.lastReloadProblems = e.problems();
                metrics.counter("smpolicy.reloads", "school", sc.id, "result", "refused").increment();
                n.put("error", "the profile has problems; the previous rule base keeps deciding");
                ArrayNode p = n.putArray("problems");
                e.problems().forEach(p::add);
                send(ex, 422, "application/json", mapper.writeValueAsString(n) + "\n");
            }
        }
    }

    // CSRF and DNS rebinding: a browser page elsewhere sends its own Origin, and a rebound name
    // arrives in Host. Only this service's own address (or localhost for loopback) is accepted.
    private boolean sameOrigin(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        java.util.Set<String> ours = new java.util.HashSet<>();
        String bound = connector.getHost();
        ours.add(bound + ":" + port());
        if (bound.contains(":")) {
            ours.add("[" + bound + "]:" + port());
        }
        if (isLoopback) {
            ours.add("localhost:" + port());
            ours.add("127.0.0.1:" + port());
            ours.add("[::1]:" + port());
        }
        if (host == null || !ours.contains(host.strip().toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        return origin == null || ours.stream().anyMatch(h -> origin.strip().equalsIgnoreCase("http://" + h));
    }

    String status(School sc) {
        return reader.writeStatus(sc.policy.status(), sc.policy.profile());
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

    /**
     * 413 for a body over the limit. The rest of the body is never read, so the connection cannot
     * carry another request: saying so stops a client from sending its next request into a socket
     * the server is closing (the JDK client then fails it with "header parser received no bytes").
     */
    private void tooLarge(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Connection", "close");
        error(ex, 413, "$: request is larger than the limit of " + maxBody + " bytes");
    }

    private void error(HttpExchange ex, int code, String message) throws IOException {
        send(ex, code, "application/json", "{\"error\":" + mapper.writeValueAsString(message) + "}\n");
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        securityHeaders(ex);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The headers every response carries, Jetty's own error pages included. */
    static final Map<String, String> SECURITY_HEADERS = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")));

    private static void securityHeaders(HttpExchange ex) {
        SECURITY_HEADERS.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    }

    /** Jetty answers some requests itself (a header too large, a request line it cannot parse): with the same headers, and no stack. */
    private static org.eclipse.jetty.server.handler.ErrorHandler errorPages() {
        org.eclipse.jetty.server.handler.ErrorHandler errors = new org.eclipse.jetty.server.handler.ErrorHandler() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) throws Exception {
                SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
                return super.handle(request, response, callback);
            }

            @Override
            public java.nio.ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
                SECURITY_HEADERS.forEach(fields::put);
                return super.badMessageError(status, reason, fields);
            }
        };
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        return errors;
    }
}
