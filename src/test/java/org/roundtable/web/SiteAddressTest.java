package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestServer;

/** What a client writes in Host, Origin or a path's digits never decides where the site is or what a link means. */
class SiteAddressTest {

    static final String PUBLIC_URL = "https://forum.example.org";

    @TempDir
    Path folder;

    @Test
    void withPublicUrlFeedsLinkThereWhateverHostTheClientSent() throws IOException {
        try (var server = TestServer.start(TestServer.config(folder, Map.of("PUBLIC_URL", PUBLIC_URL)))) {
            String feed = raw(server, "GET " + ARTICLE + "/comments.atom HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
            assertThat(feed).contains("href=\"" + PUBLIC_URL + ARTICLE).doesNotContain("evil.example");
        }
    }

    @Test
    void withPublicUrlFormsMustComeFromIt() {
        try (var server = TestServer.start(TestServer.config(folder, Map.of("PUBLIC_URL", PUBLIC_URL)))) {
            String token = server.page(ARTICLE).selectFirst("input[name=form_token]").val();
            String form = "discussion=general&body=Hello&form_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            assertThat(post(server, server.origin(), form)).as("Host-derived origin").isEqualTo(403);
            assertThat(post(server, PUBLIC_URL, form)).isEqualTo(303);
        }
    }

    @Test
    void withPublicUrlTheNewPrivateLinkPointsThere() {
        try (var server = TestServer.start(TestServer.config(folder, Map.of("PUBLIC_URL", PUBLIC_URL)))) {
            String token = server.page(ARTICLE).selectFirst("input[name=form_token]").val();
            var posted = server.send(HttpRequest.newBuilder(server.uri(ARTICLE + "/comments"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", PUBLIC_URL)
                    .POST(HttpRequest.BodyPublishers.ofString("discussion=general&body=Link+me&form_token="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8))).build());
            String cookies = String.join("; ", posted.headers().allValues("Set-Cookie").stream()
                    .map(cookie -> cookie.split(";", 2)[0]).toList());
            var page = server.send(HttpRequest.newBuilder(server.uri(ARTICLE)).header("Cookie", cookies).build());
            assertThat(org.jsoup.Jsoup.parse(page.body()).selectFirst(".private-link a").attr("href"))
                    .startsWith(PUBLIC_URL + "/authors/");
        }
    }

    @Test
    void idsInOtherScriptsDigitsMatchNothing() {
        try (var server = TestServer.start(folder)) {
            assertThat(server.get(ARTICLE + "/comments/1").statusCode()).isEqualTo(200);
            assertThat(server.get(ARTICLE + "/comments/%D9%A1").statusCode()).isEqualTo(404);
            assertThat(server.get(ARTICLE + "/comments/%EF%BC%91").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void onAPublicSiteMetricsStayClosedUntilATokenIsSet() {
        try (var server = TestServer.start(TestServer.config(folder, Map.of("COOKIE_SECURE", "true")))) {
            assertThat(server.get("/metrics").statusCode()).isEqualTo(404);
        }
    }

    private static int post(TestServer server, String origin, String form) {
        return server.send(HttpRequest.newBuilder(server.uri(ARTICLE + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode();
    }

    private static String raw(TestServer server, String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.uri("/").getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
