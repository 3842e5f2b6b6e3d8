package org.smpolicy.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * An exchange whose request address and headers are read from Jetty once. Jetty's adaptor builds
 * a new {@link URI} and a new copy of every request header on each call, and a decision asks for
 * them four and two times (route, guards, body limit, {@code ?at}). Everything else is the
 * exchange's own.
 */
final class ReadOnce extends HttpExchange {

    private final HttpExchange ex;
    private URI address;
    private IllegalArgumentException unreadable;
    private Headers requestHeaders;

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
        return ex.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
        return ex.getResponseBody();
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        ex.sendResponseHeaders(code, length);
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
