package org.smpolicy.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.diagnostic.InvalidRequestException;
import org.smpolicy.json.JsonCodec;

/**
 * What every endpoint reads from and writes to an exchange: the body within its limit, the
 * {@code ?at=} instant, the allowed method, and the answer with its security headers. Errors are
 * always {@code {"error": "..."}}, one line.
 */
final class Wire {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Wire() {
    }

    /** The headers every response carries, Jetty's own error pages included. */
    static final Map<String, String> SECURITY_HEADERS = Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")));

    static void securityHeaders(HttpExchange ex) {
        SECURITY_HEADERS.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    }

    /** @return the request's address, or null when it cannot be parsed (a malformed %-escape) */
    static URI address(HttpExchange ex) {
        try {
            return ex.getRequestURI();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return whether the request uses {@code method} (HEAD counts as GET); otherwise answers 405 */
    static boolean allow(HttpExchange ex, String method) throws IOException {
        if (method.equals(ex.getRequestMethod()) || "GET".equals(method) && "HEAD".equals(ex.getRequestMethod())) {
            return true;
        }
        ex.getResponseHeaders().add("Allow", method);
        error(ex, 405, "method `" + ex.getRequestMethod() + "` not allowed here; use " + method);
        return false;
    }

    /** @return the body, or null when it is over {@code maxBody} bytes (announced or read) */
    static byte[] body(HttpExchange ex, int maxBody) throws IOException {
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

    /**
     * The instant {@code ?at=} asks to decide at (the playground's "now"); anything else in the
     * query is refused.
     *
     * @return the instant, or null when the query is empty
     * @throws InvalidRequestException naming {@code ?} or {@code ?at}
     */
    static Instant decisionInstant(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null || q.isEmpty()) {
            return null;
        }
        if (!q.startsWith("at=") || q.indexOf('&') >= 0) {
            throw new InvalidRequestException("?", "the only query parameter is `at`, an instant with an offset");
        }
        try {
            return instant(java.net.URLDecoder.decode(q.substring(3), StandardCharsets.UTF_8));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidRequestException("?at", "not an instant: expected ISO-8601 with an offset, e.g. 2026-11-25T10:00:00Z");
        }
    }

    /**
     * ISO-8601 instants as clients write them: {@code Z} or an offset with or without a colon
     * ({@code +00:00}, {@code +0000}, {@code +00}), seconds optional, any fraction up to
     * nanoseconds (Python's {@code isoformat()} and {@code strftime("%z")} give {@code .000000+0000}).
     * An unescaped {@code +} in a query arrives as a space: before an offset, it is read as the plus
     * it was. No offset is refused: a local time is not an instant.
     */
    static Instant instant(String text) {
        java.util.regex.Matcher m = SPACE_OFFSET.matcher(text);
        return OffsetDateTime.parse(m.matches() ? m.group(1) + "+" + m.group(2) : text, INSTANT).toInstant();
    }

    private static final java.util.regex.Pattern SPACE_OFFSET = java.util.regex.Pattern.compile("(.*T[0-9:.,]+) ([0-9]{2}(:?[0-9]{2})?)");

    private static final java.time.format.DateTimeFormatter INSTANT = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(java.util.Locale.ROOT).withResolverStyle(java.time.format.ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    /** 413 for a body over the limit; the rest of the body is never read, so the connection closes ({@link ReadOnce}). */
    static void tooLarge(HttpExchange ex, int maxBody) throws IOException {
        error(ex, 413, "$: request is larger than the limit of " + maxBody + " bytes");
    }

    static void error(HttpExchange ex, int code, String message) throws IOException {
        send(ex, code, "application/json", "{\"error\":" + json(message) + "}\n");
    }

    static String json(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * A profile's problems, for a caller with the reload token: {@code problems} as text lines and
     * {@code diagnostics} as {@code {code, file, line, path, message}} objects, the same problems.
     */
    static void problems(ObjectNode to, List<Diagnostic> problems, JsonCodec json) {
        ArrayNode text = to.putArray("problems");
        problems.forEach(d -> text.add(d.text()));
        ArrayNode values = to.putArray("diagnostics");
        problems.forEach(d -> values.add(json.toTree(d, true)));
    }

    static void send(HttpExchange ex, int code, String type, String body) throws IOException {
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

    static String resource(String name) throws IOException {
        try (InputStream in = DecisionServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Jetty answers some requests itself (a header too large, a request line it cannot parse): with the same headers, and no stack. */
    static org.eclipse.jetty.server.handler.ErrorHandler errorPages() {
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
