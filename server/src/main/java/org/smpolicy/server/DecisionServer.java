package org.smpolicy.server;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.WarmUp;
import org.smpolicy.io.JsonLimits;
import org.smpolicy.json.JsonCodec;

/**
 * The HTTP decision service behind {@code smpolicy serve}, on embedded Jetty 12 (through its
 * implementation of the {@code com.sun.net.httpserver} API, so the handlers are plain
 * {@code HttpExchange} code): non-blocking request parsing, idle and minimum-data-rate timeouts,
 * header, body and connection limits. Endpoints are listed in {@code docs/service.md} and served
 * as OpenAPI at {@code /openapi.json}.
 *
 * <p>This class sets up Jetty, holds the limits and answers what goes wrong outside an endpoint;
 * {@link Routes} is the route table, {@link Endpoints} what each endpoint does, {@link Guards} who
 * may do what (CORS, token, same origin), {@link Schools} the schools served and their readiness,
 * and {@link Wire} the reading and writing every endpoint shares.
 */
public final class DecisionServer implements AutoCloseable {

    /** Sample requests the playground offers; a test keeps this list equal to examples/requests. */
    static final List<String> SAMPLES = List.of("student-photo-personal-account", "student-photo-federation-account",
            "follow-pupil-personal-account", "contact-parent-personal-mobile", "comment-saturday", "incident-mistake",
            "account-application", "staff-departure", "share-school-post-personal-account",
            "share-pupil-photos-federation-account", "pupil-reports-bullying");

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
    /** Most published items plus changes one re-check request may hold. */
    static final int MAX_RECHECK_ENTRIES = 10_000;
    /** The headers every response carries, Jetty's own error pages included. */
    static final Map<String, String> SECURITY_HEADERS = Wire.SECURITY_HEADERS;

    private final Server jetty;
    private final ServerConnector connector;
    private final JsonCodec json;
    private final Schools schools;
    private final Guards guards;
    private final Routes routes;
    private volatile Consumer<String> accessLog;
    private Thread warmUp;
    private boolean closed;

    private DecisionServer(SocialMediaPolicy policy, Path profile, String bind, int port, String reloadToken, int maxBody)
            throws IOException {
        Objects.requireNonNull(policy);
        if (maxBody < MIN_BODY || maxBody > MAX_BODY) {
            throw new IllegalArgumentException("--max-body `" + maxBody + "` must be from " + MIN_BODY + " to " + MAX_BODY + " bytes");
        }
        this.json = JsonCodec.of(new JsonLimits(maxBody, JsonLimits.DEFAULTS.maxDepth(), JsonLimits.DEFAULTS.maxStringLength()));
        this.schools = new Schools(new School("baseline", policy, profile, json));
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
        jetty.setErrorHandler(Wire.errorPages());
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
        JettyHttpServer server = new JettyHttpServer(jetty, true);
        this.guards = new Guards(reloadToken, address.isLoopbackAddress());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.routes = new Routes(schools, new Endpoints(json, maxBody, schools, guards,
                ex -> guards.sameOrigin(ex, connector.getHost(), port()), metrics));
        server.createContext("/", ex -> handle(new ReadOnce(ex)));
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
        synchronized (this) {
            closed = true;
            if (warmUp != null) {
                warmUp.interrupt();
            }
        }
        try {
            jetty.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Stopping failed part-way: nothing more to release here.
        }
        schools.close();
    }

    /**
     * @param sink receives one access-log line per request: time, method, path, status and
     *             milliseconds; never a query string, header value or body, so no personal data
     * @return this server
     */
    public DecisionServer accessLog(Consumer<String> sink) {
        this.accessLog = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /**
     * @param origins browser origins allowed to call the decision endpoints (CORS), e.g.
     *                {@code https://mis.example.org}; none by default
     * @return this server
     */
    public DecisionServer corsOrigins(Set<String> origins) {
        guards.corsOrigins(origins);
        return this;
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
    public DecisionServer schools(Path dir, Function<Path, SocialMediaPolicy> policy) throws IOException {
        schools.load(dir, policy, json);
        return this;
    }

    /**
     * Warms the service up in the background, so that its first clients are served at the warm
     * rate: the main policy decides the playground's sample requests, with the rules' generated
     * requests mixed in, for at most {@link WarmUp#DECISIONS} decisions or {@code limit} ({@link
     * WarmUp#run}: unlogged, no school's overlay rules run). Nothing of it is counted in the
     * metrics. Meanwhile requests are served, and {@code /readyz} answers 503 with {@code "status":
     * "warming"}, so that a load balancer waits for it. Call it once; {@link #close} stops it.
     *
     * @param limit longest the warm-up may take, at most {@link WarmUp#MAX_TIME}
     * @return completes with what was done, or exceptionally if the warm-up failed
     * @throws IllegalArgumentException when {@code limit} is negative or over {@link WarmUp#MAX_TIME}
     * @throws IllegalStateException when a warm-up was started already, or the server was closed
     * @throws IOException when the bundled sample requests cannot be read
     */
    public java.util.concurrent.CompletableFuture<WarmUp> warmUp(java.time.Duration limit) throws IOException {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.compareTo(WarmUp.MAX_TIME) > 0) {
            throw new IllegalArgumentException("warm-up `" + limit + "`: must be from 0 to " + WarmUp.MAX_TIME.toMinutes() + " minutes");
        }
        List<org.smpolicy.model.PolicyRequest> samples = new java.util.ArrayList<>();
        for (String name : SAMPLES) {
            samples.add(json.readRequest(Wire.resource("samples/" + name + ".json")));
        }
        synchronized (this) {
            if (closed || warmUp != null) {
                throw new IllegalStateException(closed ? "the service is closed" : "the service was warmed up already");
            }
            Warming w = new Warming(schools, samples, limit);
            w.start(schools);
            warmUp = w.thread;
            return w.done.copy();
        }
    }

    /**
     * @return every school this server knows, by id, with its state in words ("ready", "loading",
     *         "broken: N problem(s)"), for the start banner
     */
    public Map<String, String> schoolStates() {
        return schools.states();
    }

    private void handle(HttpExchange ex) throws IOException {
        long started = System.nanoTime();
        // The error path must run before the exchange closes: a try-with-resources closes its
        // resource before its own catch clauses run, which used to leave an empty reply.
        try (ex) {
            try {
                guards.cors(ex);
                if (Wire.address(ex) == null) {
                    Wire.error(ex, 400, "?at: the address cannot be read: a malformed %-escape in the path or in `?at`");
                } else if ("OPTIONS".equals(ex.getRequestMethod())) {
                    ex.getResponseHeaders().set("Allow", "GET, POST, OPTIONS");
                    Wire.securityHeaders(ex);
                    ex.sendResponseHeaders(204, -1);
                } else {
                    routes.route(ex);
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                Wire.error(ex, 500, "internal error while handling the request: " + e.getClass().getSimpleName());
            }
        } finally {
            Consumer<String> log = accessLog;
            if (log != null) {
                URI address = Wire.address(ex);
                log.accept(java.time.Instant.now() + " " + ex.getRequestMethod() + " " + (address == null ? "?" : address.getRawPath())
                        .replaceAll("[^A-Za-z0-9/._~-]", "?") + " " + ex.getResponseCode() + " "
                        + (System.nanoTime() - started) / 1_000_000 + "ms");
            }
        }
    }
}
