package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestServer;

/**
 * Slowloris: hundreds of clients each dribbling a request one header line at a time. They hold sockets,
 * but no threads, so other readers are served as usual meanwhile.
 */
class SlowClientTest {

    static final int SLOW_CLIENTS = 400;

    @TempDir
    Path folder;

    @Test
    void slowClientsDoNotStarveOthers() throws Exception {
        try (var server = TestServer.start(folder)) {
            int port = server.uri("/").getPort();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    Socket socket = new Socket("localhost", port);
                    socket.getOutputStream().write("GET /articles/iran-pakistan-strategic-alliance HTTP/1.1\r\nHost: localhost\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    sockets.add(socket);
                }
                long worst = 0;
                for (int round = 0; round < 10; round++) {
                    for (Socket socket : sockets) {
                        dribble(socket.getOutputStream(), round);
                    }
                    long started = System.nanoTime();
                    var response = server.get("/articles/iran-pakistan-strategic-alliance");
                    worst = Math.max(worst, (System.nanoTime() - started) / 1_000_000);
                    assertThat(response.statusCode()).isEqualTo(200);
                    Thread.sleep(200);
                }
                System.out.printf("Slow clients: %d held open; worst article page time meanwhile %d ms%n", SLOW_CLIENTS, worst);
                assertThat(worst).isLessThan(2_000);
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    private static void dribble(OutputStream out, int round) {
        try {
            out.write(("X-Slow-" + round + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByServer) {
            // The server may drop a client it considers too slow; that is fine too.
        }
    }
}
