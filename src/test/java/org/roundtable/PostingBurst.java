package org.roundtable;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;

/**
 * Clients posting comments to a running jar as fast as they can, remembering every comment the server
 * acknowledged with a 303, until the server goes away.
 */
final class PostingBurst {

    static final String ARTICLE = "/articles/iran-pakistan-strategic-alliance";

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private static final AtomicInteger bursts = new AtomicInteger();
    private final ExecutorService pool;
    /** Tells this burst's comments from another's running at the same time. */
    private final int number = bursts.incrementAndGet();

    private PostingBurst(int clients) {
        this.pool = Executors.newFixedThreadPool(clients);
    }

    /** Env for a jar that lets a burst through: the spam limits off. */
    static Map<String, String> env(String databaseUrl) {
        return Map.of("DATABASE_URL", databaseUrl,
                "SPAM_MIN_FILL_SECONDS", "0", "FLOOD_MIN_INTERVAL_SECONDS", "0", "FLOOD_MAX_PER_HOUR", "0",
                "FLOOD_ADDRESS_MAX_PER_HOUR", "0");
    }

    static PostingBurst start(JarProcess jar, int clients) throws Exception {
        var burst = new PostingBurst(clients);
        String token = Jsoup.parse(burst.client.send(HttpRequest.newBuilder(jar.uri(ARTICLE)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).selectFirst("input[name=form_token]").val();
        for (int c = 0; c < clients; c++) {
            int clientNumber = c;
            burst.pool.submit(() -> burst.post(jar, token, clientNumber));
        }
        return burst;
    }

    private void post(JarProcess jar, String token, int clientNumber) {
        for (int i = 0; ; i++) {
            String body = "burst " + number + " client " + clientNumber + " comment " + i;
            try {
                var response = client.send(HttpRequest.newBuilder(jar.uri(ARTICLE + "/comments"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", jar.origin())
                        .POST(HttpRequest.BodyPublishers.ofString("discussion=general&body=" + URLEncoder.encode(body,
                                StandardCharsets.UTF_8) + "&form_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 303) {
                    String location = response.headers().firstValue("Location").orElseThrow();
                    acknowledged.put(Long.parseLong(location.substring(location.lastIndexOf('-') + 1)), body);
                }
            } catch (Exception serverGone) {
                return;
            }
        }
    }

    void awaitAcknowledged(int count) throws InterruptedException {
        while (acknowledged.size() < count) {
            Thread.sleep(20);
        }
    }

    /** Waits for the clients to notice the server has gone; returns how many comments were acknowledged. */
    int finish() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The clients did not stop");
        }
        return acknowledged.size();
    }

    /** The acknowledged comments that {@code jar} cannot show. */
    List<Long> missingFrom(JarProcess jar) throws Exception {
        List<Long> missing = new ArrayList<>();
        for (var entry : acknowledged.entrySet()) {
            var page = client.send(HttpRequest.newBuilder(jar.uri(ARTICLE + "/comments/" + entry.getKey())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || !page.body().contains(entry.getValue())) {
                missing.add(entry.getKey());
            }
        }
        return missing;
    }
}
