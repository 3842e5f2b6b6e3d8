package org.smpolicy.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * An exchange whose request address and headers are read from Jetty once. Jetty's adaptor builds
 * a new {@link URI} and a new copy of every request header on each call, and a decision asks for
 * them four and two times (route, guards, body limit, {@code ?at}). It also closes the connection
 * after any answer given before the request's body was read to its end (a 405, a 503 refused
 * before reading, a 413 over the limit): Jetty may close it to skip the rest of the body, and a
 * client that sent its next request into it failed with "header parser received no bytes".
 * Everything else is the exchange's own.
 */
final class ReadOnce extends HttpExchange {

    private final HttpExchange ex;
    private URI address;
    private IllegalArgumentException unreadable;
    private Headers requestHeaders;
    private boolean bodyEnded;

    ReadOnce(HttpExchange ex) {
        this.ex = ex;
    }

    /** @throws IllegalArgumentException each time, when the address cannot be parsed (a malformed %-escape) */
    @Override
    public URI getRequestURI() {
        if (address == null && unreadable == null) {
            try {
                address = ex.getRequestURI();
            } catch (IllegalArgumentException e) {
                unreadable = e;
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
        return address;
    }

    @Override
    public Headers getRequestHeaders() {
        if (requestHeaders == null) {
            requestHeaders = ex.getRequestHeaders();
        }
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return ex.getResponseHeaders();
    }

    @Override
    public String getRequestMethod() {
        return ex.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return ex.getHttpContext();
    }

    @Override
    public void close() {
        ex.close();
    }

    @Override
    public InputStream getRequestBody() {
        return new FilterInputStream(ex.getRequestBody()) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }
        };
    }

    private int ended(int read) {
        if (read < 0) {
            bodyEnded = true;
        }
        return read;
    }

    @Override
    public OutputStream getResponseBody() {
        return ex.getResponseBody();
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (!bodyEnded && carriesBody()) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        ex.sendResponseHeaders(code, length);
    }

    private boolean carriesBody() {
        Headers h = getRequestHeaders();
        String length = h.getFirst("Content-Length");
        return h.containsKey("Transfer-Encoding") || length != null && !length.strip().equals("0");
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return ex.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
        return ex.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return ex.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return ex.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return ex.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        ex.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        ex.setStreams(in, out);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return ex.getPrincipal();
    }
}
