package org.roundtable.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;
import org.roundtable.Reader;

/**
 * A locked discussion stays readable, refuses new comments and replies with the typed text kept, and takes them
 * again once unlocked.
 */
class LockedDiscussionTest extends ModeratedSiteTest {

    @Test
    void aLockedDiscussionStaysReadableButRefusesNewCommentsWithTheTextKept() {
        long existing = post(reader, "proposal-2", "Before the lock");
        Document page = reader.open(ARTICLE);
        long discussionId = discussionId("proposal-2");
        admin.submit(admin.open("/admin/articles"), "form[action=/admin/discussions/" + discussionId + "/lock]", Map.of());

        Document locked = reader.open(ARTICLE);
        assertThat(locked.getElementById("reply-proposal-2")).isNull();
        assertThat(locked.selectFirst("#proposal-2-discussion .locked-notice").text()).contains("closed to new comments");
        assertThat(locked.getElementById("comment-" + existing)).isNotNull();
        assertThat(locked.select("#proposal-2-discussion .reply-link")).isEmpty();
        assertThat(locked.selectFirst("#proposal-2-discussion h4").text()).contains("closed to new comments");
        assertThat(reader.open(ARTICLE + "/comments/" + existing).select(".reply-link")).isEmpty();
        assertThat(locked.getElementById("reply-proposal-3")).isNotNull();

        var refused = reader.submit(page, "#reply-proposal-2", Map.of("body", "Sneaking in"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Reader.parse(refused).body().text()).contains("This discussion is closed to new comments");
        assertThat(Reader.parse(refused).select("textarea").eachText()).contains("Sneaking in");
        Document commentPage = reader.open(ARTICLE + "/comments/" + existing);
        assertThat(commentPage.select("#reply-form")).isEmpty();
        var refusedReply = reader.post("/articles/iran-pakistan-strategic-alliance/comments", Map.of(
                "form_token", page.selectFirst("input[name=form_token]").val(), "discussion", "proposal-2",
                "parent", Long.toString(existing), "body", "Replying anyway"));
        assertThat(refusedReply.statusCode()).isEqualTo(403);
        assertThat(Reader.parse(refusedReply).selectFirst("#reply-form textarea").text()).isEqualTo("Replying anyway");

        admin.submit(admin.open("/admin/articles"), "form[action=/admin/discussions/" + discussionId + "/unlock]", Map.of());
        assertThat(post(reader, "proposal-2", "After the lock")).isPositive();
    }
}
