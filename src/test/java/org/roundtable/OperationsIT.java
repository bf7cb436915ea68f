package org.roundtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The packaged jar as an operator runs it: health, and a log that tells what happened without telling secrets. */
// It times nothing, but run beside the browser tests it coincided with a browser test finding a page without its
// form (a flake never seen with it run alone), so it waits for a quiet machine, as the timed ones do.
@Isolated("kept apart from the browser tests")
class OperationsIT {

    static final String ARTICLE = "/articles/iran-pakistan-strategic-alliance";

    @TempDir
    Path folder;

    @Test
    void healthAndRequestLogsWithoutAddressesOrTokens() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:sqlite:" + folder.resolve("ops.db"), "SPAM_MIN_FILL_SECONDS", "0");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String token;
        try (JarProcess jar = JarProcess.start(folder, env)) {
            var health = client.send(HttpRequest.newBuilder(jar.uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"up\",\"database\":\"up\",\"engine\":\"sqlite\",\"migrations\":\"applied\"}");

            String formToken = Jsoup.parse(client.send(HttpRequest.newBuilder(jar.uri(ARTICLE)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).selectFirst("input[name=form_token]").val();
            var posted = client.send(HttpRequest.newBuilder(jar.uri(ARTICLE + "/comments"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", jar.origin())
                    .POST(HttpRequest.BodyPublishers.ofString("discussion=general&body=Logged&form_token="
                            + URLEncoder.encode(formToken, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            token = posted.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rt_private_link="))
                    .map(c -> HttpCookie.parse(c).get(0).getValue()).findFirst().orElseThrow();
            // The cookie holds the comment it is shown beside, when it was made, the link's token, then the signature.
            token = token.split("\\.")[2];
            var privatePage = client.send(HttpRequest.newBuilder(jar.uri("/authors/" + token)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(privatePage.statusCode()).isEqualTo(200);
            var malformed = client.send(HttpRequest.newBuilder(jar.uri("/authors/" + token))
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data\r\n\r\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(malformed.statusCode()).isEqualTo(415);

            String log = jar.log();
            assertThat(log).contains("GET /health 200", "POST /articles/{slug}/comments 303", "GET /authors/{token} 200")
                    .doesNotContain(token).doesNotContain("127.0.0.1").doesNotContain(formToken);
        }
    }
}
