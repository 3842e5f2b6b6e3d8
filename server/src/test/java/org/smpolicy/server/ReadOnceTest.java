package org.smpolicy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ReadOnceTest {

    /** Jetty's adaptor as far as it matters here: a new address and a new copy of the headers on every call. */
    static final class Counting extends HttpExchange {
        final String address;
        final Headers response = new Headers();
        int addresses;
        int headers;

        Counting(String address) {
            this.address = address;
        }

        @Override
        public URI getRequestURI() {
            addresses++;
            return URI.create(address);
        }

        @Override
        public Headers getRequestHeaders() {
            headers++;
            Headers h = new Headers();
            h.add("Content-Length", "2");
            return h;
        }

        @Override
        public Headers getResponseHeaders() {
            return response;
        }

        @Override
        public String getRequestMethod() {
            return "POST";
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
        }

        @Override
        public InputStream getRequestBody() {
            return new java.io.ByteArrayInputStream("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        @Override
        public OutputStream getResponseBody() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void sendResponseHeaders(int code, long length) {
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getResponseCode() {
            return -1;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }

    @Test
    void addressAndHeadersAreReadFromTheExchangeOnce() {
        Counting jetty = new Counting("/v1/decide?at=2026-11-25T10:00:00Z");
        ReadOnce ex = new ReadOnce(jetty);
        for (int i = 0; i < 4; i++) {
            assertThat(ex.getRequestURI().getPath()).isEqualTo("/v1/decide");
            assertThat(ex.getRequestHeaders().getFirst("Content-Length")).isEqualTo("2");
        }
        assertThat(jetty.addresses).isEqualTo(1);
        assertThat(jetty.headers).isEqualTo(1);
    }

    @Test
    void anUnreadableAddressStaysUnreadable() {
        Counting jetty = new Counting("/v1/decide?at=%zz");
        ReadOnce ex = new ReadOnce(jetty);
        assertThatThrownBy(ex::getRequestURI).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(ex::getRequestURI).isInstanceOf(IllegalArgumentException.class);
        assertThat(Wire.address(ex)).isNull();
        assertThat(jetty.addresses).isEqualTo(1);
    }

    @Test
    void anAnswerGivenWithoutReadingTheBodyClosesTheConnection() throws Exception {
        Counting refused = new Counting("/v1/clauses");
        new ReadOnce(refused).sendResponseHeaders(405, 10);
        assertThat(refused.response.getFirst("Connection")).isEqualTo("close");

        Counting overLimit = new Counting("/v1/decide");
        ReadOnce partly = new ReadOnce(overLimit);
        partly.getRequestBody().readNBytes(1);
        partly.sendResponseHeaders(413, 10);
        assertThat(overLimit.response.getFirst("Connection")).as("a body read only in part").isEqualTo("close");

        Counting read = new Counting("/v1/decide");
        ReadOnce ex = new ReadOnce(read);
        ex.getRequestBody().readAllBytes();
        ex.sendResponseHeaders(200, 10);
        assertThat(read.response.containsKey("Connection")).isFalse();
    }
}
