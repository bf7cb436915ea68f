package org.roundtable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket from a loopback address of the test's choosing (127.0.0.2, 127.0.1.7, ...):
 * the server sees each address as a different client, so one test can play an attacker and a reader.
 */
public final class LoopbackClient {

    private final InetAddress from;
    private final int port;

    public LoopbackClient(String fromAddress, int port) {
        try {
            this.from = InetAddress.getByName(fromAddress);
        } catch (IOException e) {
            throw new IllegalArgumentException(fromAddress, e);
        }
        this.port = port;
    }

    /** A connected socket from this client's address, with {@code timeoutMillis} on every read. */
    public Socket connect(int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    /** GET {@code path} on a fresh connection; the status, or -1 when no whole answer came within the time. */
    public int get(String path, int timeoutMillis) {
        try (Socket socket = connect(timeoutMillis)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readAll(socket.getInputStream());
            return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
        } catch (IOException timedOutOrRefused) {
            return -1;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
