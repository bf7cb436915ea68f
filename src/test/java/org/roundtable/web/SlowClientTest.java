package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.LoopbackClient;
import org.roundtable.TestServer;

/**
 * Slowloris: clients dribbling a request one header line at a time. One address holds at most its share of
 * connections, the rest are closed at once; other readers are served as usual meanwhile.
 */
class SlowClientTest {

    static final int PER_ADDRESS = 20;

    @TempDir
    Path folder;

    @Test
    void oneAddressHoldsNoMoreThanItsShareOfConnections() throws Exception {
        try (var server = TestServer.start(TestServer.config(folder, Map.of("MAX_CONNECTIONS_PER_ADDRESS", Integer.toString(PER_ADDRESS))))) {
            int port = server.uri("/").getPort();
            var attacker = new LoopbackClient("127.0.0.1", port);
            var reader = new LoopbackClient("127.0.0.2", port);
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < PER_ADDRESS * 3; i++) {
                    Socket socket = attacker.connect(2_000);
                    socket.getOutputStream().write(("GET " + ARTICLE + " HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
                    sockets.add(socket);
                }
                assertThat(sockets.stream().filter(SlowClientTest::stillOpen).count()).isEqualTo(PER_ADDRESS);
                assertThat(reader.get(ARTICLE, 2_000)).isEqualTo(200);
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
        try (var server = TestServer.start(TestServer.config(folder, Map.of("IDLE_TIMEOUT_SECONDS", "1")))) {
            try (Socket socket = new LoopbackClient("127.0.0.1", server.uri("/").getPort()).connect(5_000)) {
                socket.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                long started = System.nanoTime();
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
                assertThat((System.nanoTime() - started) / 1_000_000).isBetween(500L, 3_000L);
            }
        }
    }

    @Test
    void aBodyThatTakesLongerThanTheBodyTimeoutIsRefusedWith408() throws Exception {
        try (var server = TestServer.start(TestServer.config(folder, Map.of("BODY_TIMEOUT_SECONDS", "1")))) {
            try (Socket socket = new LoopbackClient("127.0.0.1", server.uri("/").getPort()).connect(5_000)) {
                var out = socket.getOutputStream();
                out.write(("POST " + ARTICLE + "/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: 40\r\nConnection: close\r\n\r\nbody=").getBytes(StandardCharsets.US_ASCII));
                // A byte every 450 ms: the third arrives after the second the body may take.
                for (int i = 0; i < 3; i++) {
                    Thread.sleep(450);
                    out.write("x".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("took too long to arrive");
            }
        }
    }

    /** Whether the server left this connection open: a closed one reads end-of-stream at once. */
    private static boolean stillOpen(Socket socket) {
        try {
            socket.setSoTimeout(300);
            InputStream in = socket.getInputStream();
            return in.read() != -1;
        } catch (SocketTimeoutException open) {
            return true;
        } catch (IOException reset) {
            return false;
        }
    }
}
