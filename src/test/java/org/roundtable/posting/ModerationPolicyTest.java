package org.roundtable.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;

/** What an article's moderation policy does with a new comment, and who sees a held one until it is approved. */
class ModerationPolicyTest extends ModeratedSiteTest {

    @Test
    void underAllHeldACommentWaitsSeenOnlyByItsAuthorUntilApproved() {
        setPolicy("all_held");
        long id = post(reader, "proposal-1", "Please approve me");

        Document own = reader.open(ARTICLE);
        assertThat(own.getElementById("comment-" + id).selectFirst(".awaiting-moderation").text())
                .startsWith("Your comment is awaiting moderation.");
        Document others = server.reader().open(ARTICLE);
        assertThat(others.getElementById("comment-" + id)).isNull();
        assertThat(others.selectFirst("#proposal-1-discussion-heading").text()).contains("No comments yet");
        assertThat(others.selectFirst("nav.toc a[href=#proposal-1]").parent().text()).contains("(No comments yet)");

        Document queue = admin.open("/admin/queue?filter=held");
        assertThat(queue.getElementById("queue-" + id).selectFirst(".queue-body").text()).isEqualTo("Please approve me");
        decide(id, "approve");

        Document after = server.reader().open(ARTICLE);
        assertThat(after.getElementById("comment-" + id).selectFirst(".comment-body").text()).isEqualTo("Please approve me");
        assertThat(after.selectFirst("#proposal-1-discussion-heading").text()).contains("(1 comment)");
        assertThat(reader.open(ARTICLE).getElementById("comment-" + id).select(".awaiting-moderation")).isEmpty();
    }

    @Test
    void aHeldCommentStaysOnItsAuthorsPagesAfterTheEditWindow() {
        setPolicy("all_held");
        long id = post(reader, "general", "Still waiting for a moderator");
        clock.advance(Duration.ofDays(2));
        for (String page : List.of(ARTICLE, ARTICLE + "/discussions/general")) {
            assertThat(reader.open(page).getElementById("comment-" + id).selectFirst(".awaiting-moderation")).isNotNull();
            assertThat(server.reader().open(page).getElementById("comment-" + id)).isNull();
        }
    }

    @Test
    void firstTimePostersAreHeldUntilTheyHaveAnApprovedComment() {
        setPolicy("first_time_held");
        long first = post(reader, "general", "My first words");
        assertThat(status(first)).isEqualTo("held");
        long second = post(reader, "general", "Still waiting");
        assertThat(status(second)).isEqualTo("held");
        decide(first, "approve");
        long third = post(reader, "general", "Known now");
        assertThat(status(third)).isEqualTo("published");
        assertThat(status(post(server.reader(), "general", "A newcomer"))).isEqualTo("held");
    }

    @Test
    void anOpenArticlePublishesAtOnce() {
        assertThat(status(post(reader, "proposal-5", "Straight in"))).isEqualTo("published");
    }
}
