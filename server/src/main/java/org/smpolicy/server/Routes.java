package org.smpolicy.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * The route table: each path with its method and endpoint. A school's endpoints are served for
 * the main policy at {@code /v1/...} and for each school at {@code /v1/schools/{id}/...}.
 */
final class Routes {

    /** An endpoint of the service as a whole. */
    interface Endpoint {
        void serve(HttpExchange ex) throws IOException;
    }

    /** An endpoint of one school. */
    interface SchoolEndpoint {
        void serve(HttpExchange ex, School school) throws IOException;
    }

    record Route(String method, Endpoint endpoint) {
    }

    record SchoolRoute(String method, SchoolEndpoint endpoint) {
    }

    private static final String SCHOOLS = "/v1/schools/";

    private final Schools schools;
    private final Map<String, SchoolRoute> perSchool;
    private final Map<String, Route> service;

    Routes(Schools schools, Endpoints e) {
        this.schools = schools;
        this.perSchool = Map.of(
                "/decide", new SchoolRoute("POST", e::decide),
                "/decide/bulk", new SchoolRoute("POST", e::bulk),
                "/recheck", new SchoolRoute("POST", e::recheck),
                "/clauses", new SchoolRoute("GET", e::clauses),
                "/status", new SchoolRoute("GET", e::status),
                "/reload", new SchoolRoute("POST", e::reload));
        this.service = Map.ofEntries(
                Map.entry("/v1/samples", new Route("GET", e::samples)),
                Map.entry("/v1/schools", new Route("GET", e::schools)),
                Map.entry("/metrics", new Route("GET", e::metrics)),
                Map.entry("/healthz", new Route("GET", ex -> Wire.send(ex, 200, "application/json", "{\"status\":\"ok\"}\n"))),
                Map.entry("/readyz", new Route("GET", e::readiness)),
                Map.entry("/openapi.json", new Route("GET", file("openapi.json", "application/json"))),
                Map.entry("/", new Route("GET", file("static/index.html", "text/html; charset=utf-8"))),
                Map.entry("/index.html", new Route("GET", file("static/index.html", "text/html; charset=utf-8"))),
                Map.entry("/playground.js", new Route("GET", file("static/playground.js", "text/javascript; charset=utf-8"))),
                Map.entry("/requestform.js", new Route("GET", file("static/requestform.js", "text/javascript; charset=utf-8"))),
                Map.entry("/playground.css", new Route("GET", file("static/playground.css", "text/css; charset=utf-8"))));
    }

    private static Endpoint file(String resource, String type) {
        return ex -> Wire.send(ex, 200, type, Wire.resource(resource));
    }

    void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.startsWith(SCHOOLS)) {
            String rest = path.substring(SCHOOLS.length());
            int slash = rest.indexOf('/');
            String id = slash < 0 ? rest : rest.substring(0, slash);
            School sc = schools.get(id);
            if (sc == null && schools.loading(id)) {
                ex.getResponseHeaders().set("Retry-After", "5");
                Wire.error(ex, 503, "this school is still loading; try again shortly");
            } else if (sc == null) {
                boolean broken = schools.broken(id);
                Wire.error(ex, broken ? 503 : 404, broken ? "this school's profile has problems and serves no decisions; see /readyz"
                        : "no such school; see /readyz");
            } else {
                SchoolRoute r = perSchool.get(slash < 0 ? "" : rest.substring(slash));
                if (r == null) {
                    Wire.error(ex, 404, "no such endpoint; see /openapi.json");
                } else if (Wire.allow(ex, r.method())) {
                    r.endpoint().serve(ex, sc);
                }
            }
            return;
        }
        SchoolRoute mine = path.startsWith("/v1/") ? perSchool.get(path.substring(3)) : null;
        if (mine != null) {
            if (Wire.allow(ex, mine.method())) {
                mine.endpoint().serve(ex, schools.main);
            }
            return;
        }
        Route r = service.get(path);
        if (r == null) {
            Wire.error(ex, 404, "no such endpoint; see /openapi.json");
        } else if (Wire.allow(ex, r.method())) {
            r.endpoint().serve(ex);
        }
    }
}
