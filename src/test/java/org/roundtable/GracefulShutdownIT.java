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
 * SIGTERM, as a container runtime sends it, in the middle of a burst of posts: the server stops accepting,
 * finishes what it started, flushes the writer and closes the database, and every acknowledged comment is
 * there after a restart.
 */
class GracefulShutdownIT {

    static final String ARTICLE = "/articles/iran-pakistan-strategic-alliance";

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedCommentSurvivesSigterm() throws Exception {
        Map<String, String> env = Map.of(
                "DATABASE_URL", "jdbc:sqlite:" + folder.resolve("term.db"),
                "SPAM_MIN_FILL_SECONDS", "0", "FLOOD_MIN_INTERVAL_SECONDS", "0", "FLOOD_MAX_PER_HOUR", "0");
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        JarProcess jar = JarProcess.start(folder, env);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String token = Jsoup.parse(client.send(HttpRequest.newBuilder(jar.uri(ARTICLE)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).selectFirst("input[name=form_token]").val();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int clientNumber = c;
            pool.submit(() -> {
                for (int i = 0; ; i++) {
                    String body = "sigterm " + clientNumber + " " + i;
                    try {
                        var response = client.send(HttpRequest.newBuilder(jar.uri(ARTICLE + "/comments"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("discussion=general&body=" + URLEncoder.encode(body,
                                        StandardCharsets.UTF_8) + "&form_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 303) {
                            String location = response.headers().firstValue("Location").orElseThrow();
                            acknowledged.put(Long.parseLong(location.substring(location.lastIndexOf('-') + 1)), body);
                        }
                    } catch (Exception stopped) {
                        return;
                    }
                }
            });
        }
        while (acknowledged.size() < 200) {
            Thread.sleep(20);
        }
        jar.close();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

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
            assertThat(restarted.log()).doesNotContain("Exception");
        }
    }
}
