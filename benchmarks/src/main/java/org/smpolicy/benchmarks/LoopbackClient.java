package org.smpolicy.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The load benchmarks' client: one keep-alive HTTP/1.1 connection on a blocking socket, one request
 * at a time, as wrk's connections are. The JDK's {@code HttpClient} took about a third of the CPU
 * of a 2-core machine it shared with the service (its selector and executor threads), so the
 * figures measured the client as much as the service; this one costs a write and a read a request.
 * It reads exactly what the service writes ({@code Content-Length} bodies) and opens a new
 * connection when the service closes one.
 */
final class LoopbackClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private int retryAfter = -1;
    private OutputStream out;
    private InputStream in;

    LoopbackClient(URI base) {
        this(base, 0);
    }

    /**
     * @param base          the service's address (its path is ignored)
     * @param timeoutMillis how long a read may wait, 0 for ever
     */
    LoopbackClient(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @param method GET or POST
     * @param path   the path, e.g. {@code /v1/decide}
     * @param body   the body, or {@code null}
     * @return the answer's status code
     * @throws IOException when the connection fails or closes before the answer (it is closed, and
     *                     the next request opens another)
     */
    int send(String method, String path, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return once(method, path, body);
        } catch (EOFException | java.net.SocketException e) {
            // A kept-alive connection the service closed while it was idle: a GET is sent again on
            // a new one, as HTTP clients do; a POST's failure is the caller's to count.
            if (!reused || !"GET".equals(method)) {
                throw e;
            }
            return once(method, path, body);
        }
    }

    private int once(String method, String path, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }
        try {
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int readAnswer() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean closeAfter = false;
        retryAfter = -1;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? h : h.substring(0, colon).trim();
            String value = colon < 0 ? "" : h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Retry-After") && value.matches("\\d{1,4}")) {
                retryAfter = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closeAfter = true;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("the service answered with Transfer-Encoding " + value + "; this client reads Content-Length bodies only");
            }
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length");
        }
        in.skipNBytes(length);
        if (closeAfter) {
            close();
        }
        return code;
    }

    /** @return the seconds the last answer's {@code Retry-After} asked for, or -1 when it had none */
    int retryAfter() {
        return retryAfter;
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the service closed the connection");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that already failed
            }
            socket = null;
        }
    }
}
