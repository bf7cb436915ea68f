package org.roundtable.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;
import org.roundtable.antispam.SpamScreen;
import org.roundtable.comment.SearchWords;
import org.roundtable.db.Database;
import org.roundtable.db.SettingsRepository;
import org.roundtable.db.TooSlow;

/** Searching an article's comments: what readers can see, in Persian, Urdu and Greek too, and hostile queries. */
class SearchTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    TestServer server;
    Reader reader;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD)));
        reader = server.reader();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void findsVisibleCommentsWithTheWordsMarkedAndNoMarkdown() {
        long gwadar = post("proposal-2", "The **Gwadar** port is the key, see [the plan](https://example.org/gwadar).");
        post("general", "Nothing about ports here.");
        Document page = search("gwadar");
        assertThat(resultLinks(page)).containsExactly(ARTICLE + "/comments/" + gwadar);
        var excerpt = page.selectFirst(".search-excerpt");
        assertThat(excerpt.select("mark").eachText()).containsExactly("Gwadar");
        assertThat(excerpt.text()).isEqualTo("The Gwadar port is the key, see the plan.").doesNotContain("**");
        assertThat(page.selectFirst(".search-result-meta").text()).contains("Proposal 2:");
        assertThat(page.selectFirst(".search-count").text()).isEqualTo("1 comment matches.");
        assertThat(search("zanzibar").select(".search-count")).as("none: the message says so").isEmpty();
        assertThat(server.page(ARTICLE).select("form.search-form[role=search] input[name=q]")).hasSize(1);
        assertThat(server.page(ARTICLE + "/discussions/proposal-2").select("form.search-form input[type=search]")).hasSize(1);
        Document spoofed = search("\u202Egwa\u0000dar");
        assertThat(spoofed.title()).as("an echoed query cannot reorder a title anyone can link to")
                .isEqualTo("\u201Cgwadar\u201D \u2014 Search \u2014 Roundtable");
        assertThat(resultLinks(spoofed)).containsExactly(ARTICLE + "/comments/" + gwadar);
    }

    @Test
    void persianUrduAndGreekWordsAreFoundHoweverTheyAreTyped() {
        long persian = post("proposal-1", "همکاری استراتژیک میان ایران و پاکستان را می‌خواهم");
        long urdu = post("proposal-3", "پاکستان اور ایران کے درمیان تعاون ضروری ہے");
        long greek = post("general", "Η συνεργασία είναι δύσκολη, όμως αναγκαίος στόχος");

        assertThat(resultLinks(search("همكاري"))).as("Arabic kaf and yeh").containsExactly(ARTICLE + "/comments/" + persian);
        assertThat(resultLinks(search("میخواهم"))).as("without the ZWNJ").containsExactly(ARTICLE + "/comments/" + persian);
        assertThat(resultLinks(search("تعاون"))).containsExactly(ARTICLE + "/comments/" + urdu);
        assertThat(resultLinks(search("پاکستان ایران"))).hasSize(2);
        assertThat(resultLinks(search("ΣΥΝΕΡΓΑΣΙΑ"))).as("capitals, no tonos").containsExactly(ARTICLE + "/comments/" + greek);
        assertThat(resultLinks(search("αναγκαιος στοχος"))).containsExactly(ARTICLE + "/comments/" + greek);
        assertThat(search("تعاون").selectFirst(".search-excerpt mark").text()).isEqualTo("تعاون");
        assertThat(search("تعاون").selectFirst(".search-excerpt").attr("dir")).isEqualTo("auto");
    }

    @Test
    void commentsReadersCannotSeeAreNotFound() {
        long removed = post("general", "Zanzibar is mentioned here");
        long deleted = post("general", "Zanzibar once more");
        long kept = post("general", "Zanzibar for good");
        long held = post("general", "Zanzibar links https://a.example https://b.example https://c.example");
        long spam = postedId(reader.submit(reader.open(ARTICLE), "#reply-general",
                Map.of("body", "Zanzibar from a robot", SpamScreen.HONEYPOT, "https://robot.example")));
        assertThat(server.commentStatus(held)).isEqualTo("held");
        assertThat(server.commentStatus(spam)).isEqualTo("spam");
        Reader moderator = server.moderator("admin", PASSWORD);
        moderator.submit(moderator.open("/admin/queue?filter=all"), "#queue-" + removed + " form:has(input[value=reject])", Map.of());
        reader.post(ARTICLE + "/comments/" + deleted + "/delete",
                Map.of("form_token", reader.open(ARTICLE).selectFirst("input[name=form_token]").val(), "confirmed", "yes"));
        assertThat(resultLinks(search("zanzibar"))).containsExactly(ARTICLE + "/comments/" + kept);
    }

    @Test
    void emptyHugeAndOperatorQueriesGetAPlainAnswer() {
        post("general", "An ordinary comment about trade");
        assertThat(reader.get(ARTICLE + "/search").statusCode()).isEqualTo(200);
        assertThat(answer("").statusCode()).isEqualTo(200);
        assertMessage(answer("\"*():^-+~|&!<>"), 422, "no letters or digits");
        assertMessage(answer("x".repeat(5_000)), 422, "at most 200 characters");
        assertMessage(answer("a b c d e f g h i"), 422, "at most 8 words");
        for (String hostile : List.of("trade OR 1=1 --", "NEAR(trade comment)", "trade*", "title:trade", "' OR ''='",
                "trade & !comment", "\u0000trade", "%", "\\")) {
            HttpResponse<String> response = answer(hostile);
            assertThat(response.statusCode()).as(hostile).isIn(200, 422);
        }
        assertThat(resultLinks(Reader.parse(answer("TRADE OR 1=1 --")))).as("every word required").isEmpty();
        assertThat(resultLinks(Reader.parse(answer("trade*")))).hasSize(1);
        assertThat(Reader.parse(answer("<script>alert(1)</script>")).select("main script")).isEmpty();
    }

    @Test
    void resultsComeAPageAtATimeNewestFirst() {
        for (int i = 1; i <= 25; i++) {
            post("general", "Corridor note " + i);
        }
        Document first = search("corridor");
        assertThat(first.select(".search-result")).hasSize(20);
        assertThat(first.selectFirst(".search-excerpt").text()).isEqualTo("Corridor note 25");
        assertThat(first.selectFirst(".search-count").text()).isEqualTo("25 comments match.");
        Document second = reader.open(first.selectFirst(".pagination a[rel=next]").attr("href"));
        assertThat(second.select(".search-result")).hasSize(5);
        assertThat(second.selectFirst(".search-count").text()).isEqualTo("25 comments match.");
        assertThat(second.select(".pagination a[rel=prev]")).hasSize(1);
        assertThat(second.select(".pagination a[rel=next]")).isEmpty();
    }

    @Test
    void matchesAreCountedAsFarAsThePagesReach() {
        assertThat(SearchController.matchesLabel(1)).isEqualTo("1\u00A0comment matches.");
        assertThat(SearchController.matchesLabel(1_000)).isEqualTo("1,000\u00A0comments match.");
        assertThat(SearchController.matchesLabel(1_001)).isEqualTo("More than 1,000 comments match: add a word to find fewer.");
    }

    @Test
    void commentsWrittenBeforeSearchExistedAreFoundOnceFilledIn() {
        long old = post("general", "Chabahar was discussed long ago");
        server.jdbi().useHandle(handle -> handle.execute("UPDATE comments SET search_words = '' WHERE id = ?", old));
        assertThat(resultLinks(search("chabahar"))).isEmpty();
        int filled = server.jdbi().inTransaction(SearchBackfill::run);
        assertThat(filled).isGreaterThanOrEqualTo(1);
        assertThat(resultLinks(search("chabahar"))).containsExactly(ARTICLE + "/comments/" + old);
    }

    @Test
    void commentsWhoseWordsAnOlderVersionMadeAreFoundOnceMadeAgain() {
        long old = post("general", "Chabahar and Gwadar");
        server.jdbi().useHandle(handle -> {
            handle.execute("UPDATE comments SET search_words = 'cha bahar and gwadar' WHERE id = ?", old);
            handle.execute("UPDATE settings SET value = '0' WHERE name = ?", SearchBackfill.VERSION_SETTING);
        });
        assertThat(resultLinks(search("chabahar"))).isEmpty();
        SearchBackfill.refresh(server.jdbi());
        assertThat(resultLinks(search("chabahar"))).containsExactly(ARTICLE + "/comments/" + old);
        Optional<String> version = server.jdbi().withExtension(SettingsRepository.class,
                settings -> settings.find(SearchBackfill.VERSION_SETTING));
        assertThat(version).contains(SearchWords.VERSION);
    }

    @Test
    void aReadPastItsTimeLimitIsStopped() {
        Database database = server.database();
        long started = System.nanoTime();
        assertThatThrownBy(() -> database.withinTime(Duration.ofMillis(300), handle -> handle.createQuery("""
                WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 2000000000)
                SELECT COUNT(*) FROM r""").mapTo(Long.class).one())).isInstanceOf(TooSlow.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(resultLinks(search("anything"))).as("the connection is usable after").isEmpty();
    }

    private void assertMessage(HttpResponse<String> response, int status, String words) {
        assertThat(response.statusCode()).isEqualTo(status);
        Document page = Reader.parse(response);
        assertThat(page.selectFirst(".search-message").text()).contains(words);
        assertThat(page.selectFirst("input[name=q]").val()).as("what they typed, kept").isNotNull();
    }

    private long post(String discussion, String body) {
        return postedId(reader.submit(reader.open(ARTICLE), "#reply-" + discussion, Map.of("body", body)));
    }

    private Document search(String query) {
        HttpResponse<String> response = answer(query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return Reader.parse(response);
    }

    private HttpResponse<String> answer(String query) {
        return server.reader().get(ARTICLE + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static List<String> resultLinks(Document page) {
        return page.select(".search-result-meta a").eachAttr("href");
    }
}
