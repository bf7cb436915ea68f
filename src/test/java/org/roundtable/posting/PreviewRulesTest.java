package org.roundtable.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/**
 * A preview is a post that is not stored: the same token and origin, text limits, lock and bans before anything is
 * parsed, no flood quota, nothing written; a refused one comes back with the text as typed and the reason.
 */
class PreviewRulesTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    final MutableClock clock = new MutableClock();
    TestServer server;
    Reader reader;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD,
                "FLOOD_MIN_INTERVAL_SECONDS", "15")), clock);
        reader = server.reader();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPreviewLongerThanAPostMayBeIsRefusedBeforeItIsRenderedWithTheTextKept() {
        String words = "*a ".repeat(3_334) + "x";
        var refused = preview(words);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Reader.parse(refused);
        assertThat(page.selectFirst("#reply-proposal-2 .form-error").text()).contains("10,003 characters long", "limit is 10,000");
        assertThat(page.selectFirst("#reply-proposal-2 textarea[name=body]").text()).isEqualTo(words);
        assertThat(page.select(".comment-preview")).isEmpty();

        var fragment = reader.post(ARTICLE + "/preview", Map.of("body", words, "form_token", token()));
        assertThat(fragment.statusCode()).isEqualTo(422);
        assertThat(Reader.parse(fragment).selectFirst(".form-error").text()).contains("limit is 10,000");
        assertThat(Reader.parse(fragment).select(".comment-preview em")).isEmpty();
    }

    @Test
    void aPreviewFromAnotherSiteOrWithAForgedTokenIsRefused() {
        var foreign = reader.post(ARTICLE + "/preview", Map.of("body", "<b>*phish*</b>", "form_token", token()),
                Map.of("Origin", "https://attacker.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("<em>phish</em>");

        var forged = reader.post(ARTICLE + "/preview", Map.of("body", "*phish*", "form_token", "made-up"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("<em>phish</em>");

        var withoutJavaScript = reader.post(ARTICLE + "/comments", Map.of("discussion", "general", "body", "*phish*",
                "preview", "yes", "form_token", "made-up"));
        assertThat(withoutJavaScript.statusCode()).isEqualTo(403);
        assertThat(withoutJavaScript.body()).doesNotContain("<em>phish</em>");
    }

    @Test
    void aPreviewOfAFormLeftOpenTooLongAsksToSendItAgainWithTheTextKept() {
        Document page = reader.open(ARTICLE);
        clock.advance(Duration.ofDays(3));
        var expired = reader.submit(page, "#reply-proposal-2", Map.of("body", "Still *here*", "preview", "yes"));
        assertThat(expired.statusCode()).isEqualTo(400);
        Document again = Reader.parse(expired);
        assertThat(again.selectFirst("#reply-proposal-2 .form-error").text()).contains("open for a long time");
        assertThat(again.selectFirst("#reply-proposal-2 textarea[name=body]").text()).isEqualTo("Still *here*");
    }

    @Test
    void aLockedDiscussionPreviewsNothing() {
        Document openBeforeTheLock = reader.open(ARTICLE);
        server.jdbi().useHandle(h -> h.createUpdate("UPDATE discussions SET locked = TRUE WHERE discussion_key = 'proposal-2'").execute());
        var refused = reader.submit(openBeforeTheLock, "#reply-proposal-2", Map.of("body", "A *last* word", "preview", "yes"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Reader.parse(refused).selectFirst("#reply-proposal-2 .form-error").text()).contains("closed to new comments");
    }

    @Test
    void aBannedAuthorPreviewsNothing() {
        var posted = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Trolling"));
        long id = Reader.postedId(posted);
        Reader admin = server.moderator("admin", PASSWORD);
        admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]", Map.of("reason", "Trolling", "length", "7d"));
        var refused = preview("Let me *back*");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Reader.parse(refused).selectFirst("#reply-proposal-2 .form-error").text()).contains("You cannot post here");
    }

    @Test
    void previewsTakeNoFloodQuotaAndStoreNothing() {
        for (int i = 0; i < 5; i++) {
            assertThat(preview("Draft " + i).statusCode()).isEqualTo(200);
        }
        int quotas = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM post_quotas").mapTo(Integer.class).one());
        int authors = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM authors").mapTo(Integer.class).one());
        assertThat(quotas).isZero();
        assertThat(authors).isZero();
        var posted = reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", "The final words"));
        assertThat(posted.statusCode()).as("the post right after previews is not too soon").isEqualTo(303);
    }

    private HttpResponse<String> preview(String body) {
        return reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", body, "preview", "yes"));
    }

    private String token() {
        return reader.open(ARTICLE).selectFirst("#reply-proposal-2 input[name=form_token]").val();
    }
}
