package org.roundtable.helpful;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;
import org.roundtable.pagecache.PageCache;

/** "Helpful" marks: once per browser, taken back, counted; shared pages catch up within seconds; the "Top" order. */
class HelpfulTest {

    private static final String PROPOSAL_1 = ARTICLE + "/discussions/proposal-1";

    @TempDir
    Path folder;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBrowserMarksACommentOnceSeesItPressedAndCanTakeItBack() {
        server = TestServer.start(folder);
        long id = comment(server.reader(), "A useful point");
        Reader reader = server.reader();

        HttpResponse<String> marked = mark(reader, id, "yes");
        assertThat(marked.statusCode()).isEqualTo(303);
        assertThat(marked.headers().firstValue("Location")).hasValue(ARTICLE + "#comment-" + id);
        Element shown = reader.follow(marked).getElementById("comment-" + id);
        assertThat(button(shown).attr("aria-pressed")).isEqualTo("true");
        assertThat(button(shown).text()).isEqualTo("▲ Helpful (1)");
        assertThat(shown.selectFirst(".helpful-note").text()).contains("You marked this comment helpful");
        assertThat(shown.selectFirst("button.helpful-button").val()).as("a second press takes it back").isEqualTo("no");

        mark(reader, id, "yes");
        mark(server.reader(), id, "yes");
        assertThat(count(id)).as("the same browser twice counts once").isEqualTo(2);
        assertThat(reader.get(ARTICLE + "/helpful").body()).isEqualTo("{\"marked\":[" + id + "],\"mine\":[]}");

        Element afterTakingBack = reader.follow(mark(reader, id, "no")).getElementById("comment-" + id);
        assertThat(button(afterTakingBack).attr("aria-pressed")).isEqualTo("false");
        assertThat(button(afterTakingBack).text()).isEqualTo("▲ Helpful (1)");
        mark(reader, id, "no");
        assertThat(count(id)).isEqualTo(1);
        assertThat(reader.get(ARTICLE + "/helpful").body()).isEqualTo("{\"marked\":[],\"mine\":[]}");
        var stranger = server.reader().get(ARTICLE + "/helpful");
        assertThat(stranger.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(stranger.headers().firstValue("Vary")).hasValue("Cookie");
    }

    @Test
    void theScriptGetsJsonAndTheReaderReturnsToThePageTheyPressedOn() {
        server = TestServer.start(folder);
        long id = comment(server.reader(), "Worth reading");
        Reader reader = server.reader();
        Document page = reader.open(PROPOSAL_1);
        assertThat(page.select("form.helpful-form")).as("one form, which every Helpful button sends").hasSize(1);
        String token = page.selectFirst("form.helpful-form input[name=form_token]").val();
        HttpResponse<String> json = reader.post(ARTICLE + "/comments/" + id + "/helpful",
                Map.of("helpful", "yes", "form_token", token), Map.of("Accept", "application/json"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"helpful\":true,\"count\":1}");

        HttpResponse<String> back = reader.post(ARTICLE + "/comments/" + id + "/helpful",
                Map.of("helpful", "no", "form_token", token), Map.of("Referer", server.origin() + PROPOSAL_1 + "?sort=newest"));
        assertThat(back.headers().firstValue("Location")).hasValue(PROPOSAL_1 + "?sort=newest#comment-" + id);
    }

    @Test
    void ownCommentsForgedFormsAndFloodsAreRefusedPlainly() {
        server = TestServer.start(TestServer.config(folder, Map.of("HELPFUL_MAX_PER_HOUR", "2")));
        Reader author = server.reader();
        long own = comment(author, "My own words");
        HttpResponse<String> refused = mark(author, own, "yes");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Reader.parse(refused).text()).contains("This is your own comment");
        assertThat(count(own)).isZero();
        long another = comment(author, "More of my words");
        assertThat(author.get(ARTICLE + "/helpful").body()).as("the scripts learn which comments are the reader's")
                .isEqualTo("{\"marked\":[],\"mine\":[" + own + "," + another + "]}");

        assertThat(server.reader().post(ARTICLE + "/comments/" + own + "/helpful", Map.of("helpful", "yes", "form_token", "forged"))
                .statusCode()).isEqualTo(403);
        assertThat(count(own)).isZero();

        Reader eager = server.reader();
        mark(eager, own, "yes");
        mark(eager, own, "no");
        HttpResponse<String> flooded = mark(eager, own, "yes");
        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(Reader.parse(flooded).text()).contains("which is the limit");
        assertThat(count(own)).isZero();
        assertThat(mark(server.reader(), 999_999, "yes").statusCode()).isEqualTo(404);
    }

    @Test
    void aCommentsCountTakesThreeMarksFromOneAddressAndTheFourthReaderStillSeesTheirMark() {
        server = TestServer.start(TestServer.config(folder, Map.of("TRUST_PROXY", "true")));
        long id = comment(server.reader(), "Popular in one office");
        List<Reader> office = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            office.add(Reader.from(server, "203.0.113.8"));
            assertThat(mark(office.get(i), id, "yes").statusCode()).isEqualTo(303);
        }
        assertThat(count(id)).as("three marks from one address").isEqualTo(3);
        Reader fourth = office.get(3);
        Element seen = fourth.open(ARTICLE).getElementById("comment-" + id);
        assertThat(button(seen).attr("aria-pressed")).isEqualTo("true");
        assertThat(button(seen).text()).isEqualTo("▲ Helpful (3)");
        assertThat(fourth.get(ARTICLE + "/helpful").body()).isEqualTo("{\"marked\":[" + id + "],\"mine\":[]}");

        assertThat(mark(Reader.from(server, "198.51.100.8"), id, "yes").statusCode()).isEqualTo(303);
        assertThat(count(id)).as("another address adds to it").isEqualTo(4);

        mark(office.get(0), id, "no");
        assertThat(count(id)).as("a counted mark taken back lowers the count; no other mark takes its place").isEqualTo(3);
        mark(fourth, id, "no");
        assertThat(count(id)).as("an uncounted mark taken back changes nothing").isEqualTo(3);
        mark(Reader.from(server, "203.0.113.8"), id, "yes");
        assertThat(count(id)).as("the office has room for one counted mark again").isEqualTo(4);
        mark(Reader.from(server, "203.0.113.8"), id, "yes");
        assertThat(count(id)).isEqualTo(4);

        server.jdbi().useHandle(handle -> handle.attach(HelpfulRepository.class).recountAll());
        assertThat(count(id)).as("a recount counts what was counted").isEqualTo(4);
    }

    @Test
    void zeroCountsEveryMarkFromAnAddress() {
        server = TestServer.start(TestServer.config(folder, Map.of("TRUST_PROXY", "true", "HELPFUL_MARKS_PER_ADDRESS", "0")));
        long id = comment(server.reader(), "Popular in one office");
        for (int i = 0; i < 4; i++) {
            mark(Reader.from(server, "203.0.113.8"), id, "yes");
        }
        assertThat(count(id)).isEqualTo(4);
    }

    @Test
    void aRefusedMarkLeavesNoAuthorNoCookieAndNoCountBehind() {
        server = TestServer.start(TestServer.config(folder, Map.of("TRUST_PROXY", "true", "HELPFUL_ADDRESS_MAX_PER_HOUR", "2")));
        long id = comment(server.reader(), "Much liked");
        assertThat(mark(Reader.from(server, "203.0.113.5"), id, "yes").statusCode()).isEqualTo(303);
        assertThat(mark(Reader.from(server, "203.0.113.5"), id, "yes").statusCode()).isEqualTo(303);
        int authors = rows("authors");
        int quotas = rows("post_quotas");

        HttpResponse<String> refused = mark(Reader.from(server, "203.0.113.5"), id, "yes");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(rows("authors")).as("no author row for a refused mark").isEqualTo(authors);
        assertThat(refused.headers().firstValue("Retry-After")).get().satisfies(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("rt_author="));
        assertThat(rows("post_quotas")).isEqualTo(quotas);
        assertThat(count(id)).isEqualTo(2);

        assertThat(mark(server.reader(), id, "no").statusCode()).as("taking back what a new browser never marked").isEqualTo(303);
        assertThat(rows("authors")).isEqualTo(authors);
        assertThat(mark(Reader.from(server, "198.51.100.7"), id, "yes").statusCode()).as("another address").isEqualTo(303);
        assertThat(rows("authors")).isEqualTo(authors + 1);
    }

    @Test
    void sharedPagesShowNewCountsWithinSecondsAndOtherArticlesKeepTheirPages() throws InterruptedException {
        Path articles = TestServer.articlesFolderWithASecondArticle(folder);
        server = TestServer.start(TestServer.config(folder, Map.of("ARTICLES_DIR", articles.toString())));
        long id = comment(server.reader(), "Counted soon");
        String second = "/articles/a-second-analysis";
        String secondEtag = etag(second);
        String articleEtag = etag(ARTICLE);

        mark(server.reader(), id, "yes");
        assertThat(etag(ARTICLE)).as("a mark does not empty the cache at once").isEqualTo(articleEtag);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (etag(ARTICLE).equals(articleEtag) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(button(server.page(ARTICLE).getElementById("comment-" + id)).text())
                .as("within 5 s (the lag is " + PageCache.COUNTS_LAG.toSeconds() + " s)").isEqualTo("▲ Helpful (1)");
        assertThat(etag(second)).isEqualTo(secondEtag);
    }

    @Test
    void topPutsTheMostHelpfulThreadsFirstOlderFirstAmongEqualsAndPagesThroughEachOnce() {
        server = TestServer.start(folder);
        List<Long> threads = new ArrayList<>();
        Reader writer = server.reader();
        for (int i = 1; i <= 25; i++) {
            threads.add(comment(writer, "Thread " + i));
        }
        markBy(3, threads.get(24));
        markBy(2, threads.get(9));
        markBy(2, threads.get(14));
        markBy(1, threads.get(2));

        Document first = server.page(PROPOSAL_1 + "?sort=top");
        assertThat(first.selectFirst(".sort [aria-current]").text()).isEqualTo("most helpful first");
        List<Long> order = new ArrayList<>(roots(first));
        assertThat(order.subList(0, 5)).containsExactly(threads.get(24), threads.get(9), threads.get(14), threads.get(2), threads.get(0));
        Element next = first.selectFirst(".pagination a[rel=next]");
        Document secondPage = server.page(next.attr("href"));
        order.addAll(roots(secondPage));
        assertThat(order).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(threads);
        assertThat(order.subList(20, 25)).containsExactly(threads.get(19), threads.get(20), threads.get(21), threads.get(22), threads.get(23));
        Element previous = secondPage.selectFirst(".pagination a[rel=prev]");
        assertThat(roots(server.page(previous.attr("href")))).containsExactlyElementsOf(order.subList(0, 20));
        assertThat(secondPage.selectFirst(".page-count").text()).isEqualTo("Page 2 of 2");
        assertThat(secondPage.title()).as("a title of its own").isEqualTo(first.title().replace(" — Roundtable", " — page 2 of 2 — Roundtable"));
        assertThat(first.title()).doesNotContain("page 1");
    }

    private void markBy(int readers, long id) {
        for (int i = 0; i < readers; i++) {
            assertThat(mark(server.reader(), id, "yes").statusCode()).isEqualTo(303);
        }
    }

    private static List<Long> roots(Document page) {
        return page.select("ol.comment-list > li > article.comment").eachAttr("id").stream()
                .map(id -> Long.parseLong(id.substring("comment-".length()))).toList();
    }

    private long comment(Reader reader, String words) {
        return postedId(reader.submit(reader.open(PROPOSAL_1), "#reply-proposal-1", Map.of("body", words)));
    }

    /** Presses "Helpful" as a browser without JavaScript does, from the comment's discussion page. */
    private HttpResponse<String> mark(Reader reader, long id, String helpful) {
        String token = reader.open(ARTICLE).selectFirst("input[name=form_token]").val();
        return reader.post(ARTICLE + "/comments/" + id + "/helpful", Map.of("helpful", helpful, "form_token", token));
    }

    private int count(long id) {
        return server.jdbi().withHandle(handle -> handle.createQuery("SELECT helpful_count FROM comments WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).one());
    }

    private int rows(String table) {
        return server.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    private static Element button(Element comment) {
        return comment.selectFirst("button.helpful-button");
    }

    private String etag(String path) {
        return server.get(path).headers().firstValue("ETag").orElseThrow();
    }
}
