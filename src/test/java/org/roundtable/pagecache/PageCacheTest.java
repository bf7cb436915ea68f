package org.roundtable.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

class PageCacheTest {

    @TempDir
    Path folder;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(folder);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anonymousReadersShareOnePageWithAStrongEtagAndGet304() {
        var first = server.get(ARTICLE);
        var second = server.get(ARTICLE);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();

        var notModified = server.send(HttpRequest.newBuilder(server.uri(ARTICLE)).header("If-None-Match", etag).build());
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
    }

    @Test
    void theGzipFormIsTheSamePage() throws IOException {
        String plain = server.get(ARTICLE).body();
        var gzipped = server.sendBytes(HttpRequest.newBuilder(server.uri(ARTICLE)).header("Accept-Encoding", "gzip").build());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(plain);
        assertThat(gzipped.body().length).isLessThan(plain.length() / 3);
    }

    @Test
    void aNewCommentReplacesTheCachedPageForEveryone() {
        String before = server.get(ARTICLE).headers().firstValue("ETag").orElseThrow();
        Reader author = server.reader();
        author.submit(author.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Fresh words"));
        var after = server.get(ARTICLE);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
        assertThat(Jsoup.parse(after.body()).getElementById("proposal-1").text()).contains("Fresh words");
        assertThat(server.send(HttpRequest.newBuilder(server.uri(ARTICLE)).header("If-None-Match", before).build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCommentLeavesOtherArticlesCachedPagesAsTheyWere() {
        server.close();
        Path articles = TestServer.articlesFolderWithASecondArticle(folder);
        server = TestServer.start(TestServer.config(folder, Map.of("ARTICLES_DIR", articles.toString())));
        String second = "/articles/a-second-analysis";
        String secondEtag = etag(server.get(second));
        String firstEtag = etag(server.get(ARTICLE));

        Reader author = server.reader();
        author.submit(author.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Only this article changed"));

        assertThat(etag(server.get(ARTICLE))).isNotEqualTo(firstEtag);
        assertThat(etag(server.get(second))).isEqualTo(secondEtag);
    }

    @Test
    void aPreviewChangesNoCachedPage() {
        String before = etag(server.get(ARTICLE));
        Reader reader = server.reader();
        var preview = reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Just looking", "preview", "yes"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(etag(server.get(ARTICLE))).isEqualTo(before);
    }

    @Test
    void aModeratorsDecisionReplacesTheCommentsArticlePages() {
        Reader author = server.reader();
        long id = Reader.postedId(author.submit(author.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Soon removed")));
        String before = etag(server.get(ARTICLE));
        assertThat(server.get(ARTICLE).body()).contains("Soon removed");

        server.close();
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", "a long enough password")));
        before = etag(server.get(ARTICLE));
        Reader moderator = server.moderator("admin", "a long enough password");
        var decided = moderator.submit(moderator.open("/admin/queue?filter=all"),
                "#queue-" + id + " form:has(input[name=decision][value=reject])", Map.of());
        assertThat(decided.statusCode()).isEqualTo(303);

        var after = server.get(ARTICLE);
        assertThat(etag(after)).isNotEqualTo(before);
        assertThat(after.body()).doesNotContain("Soon removed");
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void anAuthorsOwnControlsNeverReachTheSharedPage() {
        Reader author = server.reader();
        author.follow(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Mine")));
        var own = author.get(ARTICLE);
        assertThat(own.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(Jsoup.parse(own.body()).select("#comments a[href$=/edit]")).hasSize(1);
        var shared = server.get(ARTICLE);
        assertThat(Jsoup.parse(shared.body()).select("a[href$=/edit], .private-link")).isEmpty();
        assertThat(Jsoup.parse(shared.body()).getElementById("comments").text()).contains("Mine");
    }

    @Test
    void anAuthorSharesTheCachedPagesOnceNothingOfTheirsCanBeEditedAnyMore(@TempDir Path other) {
        var clock = new MutableClock();
        try (var timed = TestServer.start(TestServer.config(other, Map.of("EDIT_WINDOW_MINUTES", "15")), clock)) {
            Reader author = timed.reader();
            author.follow(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Mine")));
            String general = ARTICLE + "/discussions/general";
            assertThat(author.get(ARTICLE).headers().firstValue("Cache-Control")).hasValue("private, no-cache");
            assertThat(author.get(general).headers().firstValue("Cache-Control")).hasValue("private, no-cache");

            clock.advance(Duration.ofMinutes(16));
            for (String page : List.of(ARTICLE, general)) {
                var own = author.get(page);
                assertThat(own.headers().firstValue("ETag")).isPresent().isEqualTo(timed.get(page).headers().firstValue("ETag"));
                assertThat(own.headers().firstValue("Cache-Control")).as("everyone's page, whoever reads it").hasValue("no-cache");
                assertThat(Jsoup.parse(own.body()).select("a[href$=/edit]")).isEmpty();
                assertThat(Jsoup.parse(own.body()).text()).contains("Mine");
            }
        }
    }

    @Test
    void forgedOrUnsignedShortLivedCookiesGetTheSharedCachedPage(@TempDir Path other) {
        var clock = new MutableClock();
        try (var timed = TestServer.start(TestServer.config(other), clock)) {
            Reader author = timed.reader();
            long id = Reader.postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Marked, or not")));
            String shared = etag(timed.get(ARTICLE));
            String now = Long.toString(clock.instant().getEpochSecond());
            String token = "A".repeat(43);
            // Each of these once made the page personal, kept out of the cache: for ever, when dated far ahead.
            for (String cookie : List.of(
                    "rt_marked=" + id + ".999999999999.1",
                    "rt_private_link=" + id + ".999999999999." + token,
                    "rt_marked=" + id + "." + now + ".1",
                    "rt_private_link=" + id + "." + now + "." + token,
                    "rt_marked=" + id + "." + now + ".1.bm90LWEtc2lnbmF0dXJl")) {
                var response = withOnly(timed, cookie);
                assertThat(response.headers().firstValue("ETag")).as(cookie).hasValue(shared);
                assertThat(response.headers().firstValue("Cache-Control")).as(cookie).hasValue("no-cache");
            }
        }
    }

    @Test
    void aGenuineMarkOrPrivateLinkCountsOnlyWhileFreshByTheServersClock(@TempDir Path other) {
        var clock = new MutableClock();
        try (var timed = TestServer.start(TestServer.config(other), clock)) {
            Reader author = timed.reader();
            long mine = Reader.postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Worth a mark")));
            Reader marker = timed.reader();
            marker.press(marker.open(ARTICLE), "#comment-" + mine + " button.helpful-button");
            String privateLink = cookie(author, "rt_private_link");
            String mark = cookie(marker, "rt_marked");

            var withLink = withOnly(timed, privateLink);
            assertThat(withLink.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
            assertThat(Jsoup.parse(withLink.body()).select("#comment-" + mine + " .private-link")).hasSize(1);
            var withMark = withOnly(timed, mark);
            assertThat(withMark.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
            assertThat(Jsoup.parse(withMark.body()).select("#comment-" + mine + " .helpful-note").text())
                    .contains("You marked this comment helpful");

            clock.advance(Duration.ofMinutes(-1)); // Both cookies are now dated a minute ahead of the server.
            String shared = etag(timed.get(ARTICLE));
            assertThat(withOnly(timed, privateLink).headers().firstValue("ETag")).hasValue(shared);
            assertThat(withOnly(timed, mark).headers().firstValue("ETag")).hasValue(shared);

            clock.advance(Duration.ofMinutes(1).plusSeconds(11)); // The mark's ten seconds are over.
            shared = etag(timed.get(ARTICLE));
            assertThat(withOnly(timed, mark).headers().firstValue("ETag")).hasValue(shared);
            assertThat(withOnly(timed, privateLink).headers().firstValue("ETag")).as("the link waits ten minutes").isEmpty();
        }
    }

    /** The article as a browser sees it that sends this one cookie ("name=value") and no other. */
    private static HttpResponse<String> withOnly(TestServer server, String cookie) {
        return server.send(HttpRequest.newBuilder(server.uri(ARTICLE)).header("Cookie", cookie).build());
    }

    private static String cookie(Reader reader, String name) {
        return reader.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(c -> name + "=" + c.getValue()).findFirst().orElseThrow();
    }

    @Test
    void theArticlePageIsRenderedBeforeItsFirstReaderAsks(@TempDir Path other) throws InterruptedException {
        try (var served = TestServer.startAsServed(TestServer.config(other))) {
            for (int tries = 0; cachedBytes(served.get("/metrics").body()) == 0 && tries < 200; tries++) {
                Thread.sleep(50);
            }
            assertThat(served.get(ARTICLE).statusCode()).isEqualTo(200);
            assertThat(metric(served.get("/metrics").body(), "roundtable_render_cache_hit_ratio")).isEqualTo(1.0);
        }
    }

    @Test
    void withTheCacheOffEveryRequestIsRendered(@TempDir Path other) {
        try (var uncached = TestServer.start(TestServer.config(other, Map.of("RENDER_CACHE", "false")))) {
            HttpResponse<String> response = uncached.get(ARTICLE);
            assertThat(response.headers().firstValue("ETag")).isEmpty();
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void cachedPagesStayWithinTheirMemoryBudgetWhateverIsRequested() {
        server.close();
        server = TestServer.start(TestServer.config(folder, Map.of("RENDER_CACHE_MB", "1")));
        // Every made-up cursor is a page of its own, so a crawler (or an attacker) can ask for endless pages.
        for (int i = 0; i < 400; i++) { // About 6 KB each with its gzip form: 2.4 MB in all.
            assertThat(server.get(ARTICLE + "/discussions/general?after=" + (1_000_000 + i) + ".1").statusCode()).isEqualTo(200);
        }
        long cached = cachedBytes(server.get("/metrics").body());
        assertThat(cached).isPositive().isLessThanOrEqualTo(1L << 20);

        String etag = server.get(ARTICLE).headers().firstValue("ETag").orElseThrow();
        assertThat(server.get(ARTICLE).headers().firstValue("ETag")).as("the newest page is still cached").hasValue(etag);
        assertThat(cachedBytes(server.get("/metrics").body())).isLessThanOrEqualTo(1L << 20);
    }

    private static long cachedBytes(String metrics) {
        return (long) metric(metrics, "roundtable_render_cache_bytes");
    }

    private static double metric(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " "))
                .map(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }
}
