package org.roundtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * One client trying to make the site unavailable, against the packaged jar with a 256 MB heap, while a reader
 * at another address asks for the article once a second: at least 95% of the reader's requests must be
 * answered within 2 seconds. The attacks are those of slowhttptest and a method-name fuzzer, in Java.
 */
@Isolated("it times the jar; nothing else may load the machine meanwhile")
class AttackIT {

    static final String ARTICLE = "/articles/iran-pakistan-strategic-alliance";
    static final int ATTACK_SECONDS = 20;

    @TempDir
    Path folder;

    /** slowhttptest -B: POST bodies of 100,000 bytes sent a few bytes at a time, from ten addresses. */
    @Test
    void slowRequestBodiesDoNotTakeTheThreads() throws Exception {
        try (JarProcess jar = start()) {
            List<Socket> attackers = new ArrayList<>();
            for (int address = 1; address <= 10; address++) {
                var client = new LoopbackClient("127.0.1." + address, jar.uri("/").getPort());
                for (int i = 0; i < 30; i++) {
                    Socket socket = client.connect(5_000);
                    socket.getOutputStream().write(("POST " + ARTICLE + "/comments HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nbody=")
                            .getBytes(StandardCharsets.US_ASCII));
                    attackers.add(socket);
                }
            }
            var reader = SteadyReader.start(jar);
            for (int second = 0; second < ATTACK_SECONDS; second++) {
                dribble(attackers, "xxxx");
                Thread.sleep(1_000);
            }
            reader.assertServed();
            closeAll(attackers);
        }
    }

    /**
     * slowhttptest -H: 2,500 connections from one address, opened as fast as the server takes them, each
     * sending a header line every second so that none goes idle.
     */
    @Test
    void slowlorisFromOneAddressCannotTakeEveryConnection() throws Exception {
        try (JarProcess jar = start()) {
            var client = new LoopbackClient("127.0.0.1", jar.uri("/").getPort());
            List<Socket> attackers = Collections.synchronizedList(new ArrayList<>());
            ExecutorService openers = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 2_500; i++) {
                openers.submit(() -> {
                    try {
                        Socket socket = client.connect(2_000);
                        socket.getOutputStream().write(("GET " + ARTICLE + " HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
                        attackers.add(socket);
                    } catch (IOException refused) {
                        // The server may refuse or close some: an attacker keeps going.
                    }
                });
            }
            openers.shutdown();
            while (!openers.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
                dribble(List.copyOf(attackers), "X-a: b\r\n");
            }
            var reader = SteadyReader.start(jar);
            for (int second = 0; second < ATTACK_SECONDS; second++) {
                dribble(List.copyOf(attackers), "X-a: b\r\n");
                Thread.sleep(1_000);
            }
            reader.assertServed();
            closeAll(attackers);
        }
    }

    /** 200,000 requests with made-up 12-letter methods: metrics stay small and /metrics answers. */
    @Test
    void madeUpMethodsDoNotGrowTheMetrics() throws Exception {
        try (JarProcess jar = start()) {
            HttpClient http = HttpClient.newHttpClient();
            // The reader's requests and the scrape itself make their own series first.
            http.send(HttpRequest.newBuilder(jar.uri(ARTICLE)).build(), HttpResponse.BodyHandlers.discarding());
            applicationSeries(http, jar);
            long seriesBefore = applicationSeries(http, jar);
            var reader = SteadyReader.start(jar);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            var answered = new AtomicInteger();
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long seed = i;
                senders.add(pool.submit(() -> {
                    sendMadeUpMethods(jar, new Random(seed), 25_000, answered);
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            pool.shutdown();
            reader.assertServed();
            assertThat(answered.get()).isEqualTo(200_000);

            var metrics = http.send(HttpRequest.newBuilder(jar.uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(applicationSeries(http, jar) - seriesBefore).as("new application series").isLessThanOrEqualTo(3);
        }
    }

    /**
     * The surfaces that came after posting, attacked together from one address for as long as the others: 32
     * connections sending previews of 110 KB of nested Markdown (half to the script's endpoint, half as the
     * form's Preview button), 16 running searches whose words the engine would read as a long phrase, and 16
     * asking for the article with a genuine author cookie (which makes every page personal, so none comes from
     * the cache). Before: the previews ran the heap out of memory (reader 0 of 24) and the searches held every
     * database connection (reader 15 of 26).
     */
    @Test
    void previewsSearchesAndPersonalPagesFromOneAddressLeaveTheSiteToOthers() throws Exception {
        try (JarProcess jar = start()) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String page = http.send(HttpRequest.newBuilder(jar.uri(ARTICLE)).build(), HttpResponse.BodyHandlers.ofString()).body();
            String token = Jsoup.parse(page).selectFirst("#reply-general input[name=form_token]").val();
            // One comment gives this browser an author cookie (held as spam: it came too fast, which is all the same here).
            http.send(form(jar, ARTICLE + "/comments", "discussion=general&form_token=" + token + "&body=Hello"),
                    HttpResponse.BodyHandlers.discarding());
            String markdown = "*a ".repeat(21_000) + "- x\n".repeat(8_000);
            String previewBody = "discussion=general&preview=yes&form_token=" + token + "&body="
                    + URLEncoder.encode(markdown, StandardCharsets.UTF_8);
            String phrase = String.join("\u19B0", Collections.nCopies(25, "the")) + " " + "port ".repeat(20);
            URI search = jar.uri(ARTICLE + "/search?q=" + URLEncoder.encode(phrase, StandardCharsets.UTF_8));

            var stop = new AtomicBoolean();
            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            ExecutorService attackers = Executors.newFixedThreadPool(64);
            for (int i = 0; i < 64; i++) {
                HttpRequest request = i < 16 ? form(jar, ARTICLE + "/preview", previewBody)
                        : i < 32 ? form(jar, ARTICLE + "/comments", previewBody)
                        : i < 48 ? HttpRequest.newBuilder(search).build()
                        : HttpRequest.newBuilder(jar.uri(ARTICLE)).build();
                String kind = i < 32 ? "preview" : i < 48 ? "search" : "personal page";
                attackers.submit(() -> {
                    while (!stop.get()) {
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            answers.computeIfAbsent(kind + " " + status, any -> new AtomicInteger()).incrementAndGet();
                        } catch (IOException refused) {
                            // The server may close an attacker's connection; an attacker keeps going.
                        }
                    }
                    return null;
                });
            }
            var reader = SteadyReader.start(jar);
            Thread.sleep(ATTACK_SECONDS * 1_000L);
            stop.set(true);
            attackers.shutdownNow();
            System.out.println("Attackers' answers: " + new TreeMap<>(answers));
            reader.assertServed();
            assertThat(jar.log()).doesNotContain("OutOfMemoryError");
            assertThat(answers).containsKeys("preview 422", "search 429");
        }
    }

    /**
     * Readers who leave while a page is being sent (a phone losing its signal, slowhttptest -X giving up) are
     * nothing to log: each one used to leave a stack trace and an error page that could never be written.
     */
    @Test
    void readersWhoLeaveMidPageLeaveNoErrorsBehind() throws Exception {
        try (JarProcess jar = start()) {
            var client = new LoopbackClient("127.0.0.1", jar.uri("/").getPort());
            // Eight megabyte-long pages asked for at once, so the server is still writing when the reader vanishes.
            String eightPages = ("GET " + ARTICLE + " HTTP/1.1\r\nHost: localhost\r\n\r\n").repeat(8);
            for (int i = 0; i < 20; i++) {
                try (Socket socket = client.connect(5_000)) {
                    socket.setSoLinger(true, 0); // a reset, as a vanished client's network sends
                    socket.getOutputStream().write(eightPages.getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().readNBytes(2_000);
                }
            }
            Thread.sleep(1_000);
            assertThat(client.get(ARTICLE, 5_000)).isEqualTo(200);
            assertThat(jar.log()).doesNotContain("Unhandled error").doesNotContain("too much content written");
        }
    }

    private static HttpRequest form(JarProcess jar, String path, String body) {
        return HttpRequest.newBuilder(jar.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", jar.origin())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private JarProcess start() throws IOException, InterruptedException {
        return JarProcess.start(folder, Map.of("DATABASE_URL", "jdbc:sqlite:" + folder.resolve("attack.db")));
    }

    /**
     * Pipelines requests with random method names, 100 at a time and 20 batches a second (about 16,000
     * requests a second from 8 senders, so the reader sees the attack for over 10 s), and counts the answers.
     */
    private static void sendMadeUpMethods(JarProcess jar, Random random, int count, AtomicInteger answered)
            throws IOException, InterruptedException {
        var client = new LoopbackClient("127.0.0.1", jar.uri("/").getPort());
        Socket socket = client.connect(10_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        byte[] statusLine = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        for (int sent = 0; sent < count; sent += 100) {
            var batch = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                batch.append(randomMethod(random)).append(' ').append(ARTICLE).append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
            }
            out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
            int answers = 0;
            while (answers < 100) {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new IOException("The server closed the connection after " + answers + " answers of a batch");
                }
                for (int i = 0; i < read; i++) {
                    matched = buffer[i] == statusLine[matched] ? matched + 1 : (buffer[i] == statusLine[0] ? 1 : 0);
                    if (matched == statusLine.length) {
                        answers++;
                        matched = 0;
                    }
                }
            }
            answered.addAndGet(answers);
            Thread.sleep(50);
        }
        socket.close();
    }

    private static String randomMethod(Random random) {
        var method = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            method.append((char) ('A' + random.nextInt(26)));
        }
        return method.toString();
    }

    /** The application's own series (requests, comments, cache, pool), not the JVM's. */
    private static long applicationSeries(HttpClient http, JarProcess jar) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(jar.uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests") || line.startsWith("roundtable_")).count();
    }

    private static void dribble(List<Socket> sockets, String text) {
        for (Socket socket : sockets) {
            try {
                socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedByServer) {
                // The server may drop an attacker; that is what it should do.
            }
        }
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** A reader at 127.0.0.2 asking for the article once a second, on a thread of its own. */
    static final class SteadyReader {
        private final AtomicInteger asked = new AtomicInteger();
        private final AtomicInteger servedInTime = new AtomicInteger();
        private final Thread thread;

        private SteadyReader(JarProcess jar) {
            var client = new LoopbackClient("127.0.0.2", jar.uri("/").getPort());
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long started = System.nanoTime();
                    int status = client.get(ARTICLE, 2_000);
                    asked.incrementAndGet();
                    if (status == 200 && System.nanoTime() - started < 2_000_000_000L) {
                        servedInTime.incrementAndGet();
                    }
                    try {
                        Thread.sleep(Math.max(0, 1_000 - (System.nanoTime() - started) / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "steady-reader");
            thread.start();
        }

        static SteadyReader start(JarProcess jar) {
            return new SteadyReader(jar);
        }

        void assertServed() throws InterruptedException {
            thread.interrupt();
            thread.join();
            System.out.printf("Reader during the attack: %d of %d answered within 2 s%n", servedInTime.get(), asked.get());
            assertThat(asked.get()).isGreaterThanOrEqualTo(5);
            assertThat(servedInTime.get()).as("answered within 2 s, of %d", asked.get()).isGreaterThanOrEqualTo((int) Math.ceil(asked.get() * 0.95));
        }
    }
}
