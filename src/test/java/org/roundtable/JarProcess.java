package org.roundtable;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The packaged jar running as a separate process, as it runs in production. */
public final class JarProcess implements Site, AutoCloseable {

    static final Path JAR = Path.of("target", "roundtable.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private JarProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar on a free port with {@code env}, and waits until /health answers. */
    public static JarProcess start(Path workDir, Map<String, String> env) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: integration tests run after mvn package");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = workDir.resolve("server-" + port + ".log");
        var builder = new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        var jar = new JarProcess(builder.start(), port, log);
        jar.awaitHealthy(Duration.ofSeconds(60));
        return jar;
    }

    @Override
    public URI uri(String path) {
        return URI.create(origin() + path);
    }

    @Override
    public String origin() {
        return "http://localhost:" + port;
    }

    /** Everything the server wrote to standard output and error. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a crash or an OOM kill. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The jar exited with " + process.exitValue() + " before it was healthy");
            }
            try {
                var response = client.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The jar did not become healthy within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, and wait for the process to finish shutting down. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
