package org.roundtable.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java -cp roundtable.jar org.roundtable.app.HealthCheck}: asks the server on this machine for /health and
 * exits 0 when it is healthy. The container's HEALTHCHECK uses it, so the image needs no curl.
 */
public final class HealthCheck {

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }

    private HealthCheck() {}
}
