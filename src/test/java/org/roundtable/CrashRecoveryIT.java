package org.roundtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real jar, posts a burst from several clients, kills the process with SIGKILL in the middle,
 * restarts it on the same file and finds every comment that had been acknowledged with a 303. That holds
 * because every commit is durable before the answer goes out: WAL with synchronous=FULL.
 */
class CrashRecoveryIT {

    static final String ARTICLE = "/articles/iran-pakistan-strategic-alliance";
    static final int CLIENTS = 8;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedCommentSurvivesKillNine() throws Exception {
        Map<String, String> env = Map.of(
                "DATABASE_URL", "jdbc:sqlite:" + folder.resolve("crash.db"),
                "SPAM_MIN_FILL_SECONDS", "0", "FLOOD_MIN_INTERVAL_SECONDS", "0", "FLOOD_MAX_PER_HOUR", "0");
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();

        JarProcess jar = JarProcess.start(folder, env);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String token = Jsoup.parse(client.send(HttpRequest.newBuilder(jar.uri(ARTICLE)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).selectFirst("#reply-general input[name=form_token]").val();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int clientNumber = c;
            pool.submit(() -> {
                for (int i = 0; ; i++) {
                    String body = "client " + clientNumber + " comment " + i;
                    String form = "discussion=general&form_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                            + "&body=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
                    try {
                        var response = client.send(HttpRequest.newBuilder(jar.uri(ARTICLE + "/comments"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 303) {
                            String location = response.headers().firstValue("Location").orElseThrow();
                            acknowledged.put(Long.parseLong(location.substring(location.lastIndexOf('-') + 1)), body);
                        }
                    } catch (Exception connectionLost) {
                        return;
                    }
                }
            });
        }
        while (acknowledged.size() < 300) {
            Thread.sleep(20);
        }
        jar.crash();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        System.out.printf("Crash test: %d comments acknowledged before SIGKILL%n", acknowledged.size());

        try (JarProcess restarted = JarProcess.start(folder, env)) {
            List<Long> missing = new ArrayList<>();
            for (var entry : acknowledged.entrySet()) {
                var page = client.send(HttpRequest.newBuilder(restarted.uri(ARTICLE + "/comments/" + entry.getKey())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200 || !page.body().contains(entry.getValue())) {
                    missing.add(entry.getKey());
                }
            }
            assertThat(missing).as("acknowledged but lost").isEmpty();
        }
    }
}
