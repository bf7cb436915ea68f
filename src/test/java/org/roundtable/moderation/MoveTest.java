package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** A moderator moves a comment, with its replies, to the discussion it belongs in. */
class MoveTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    TestServer server;
    Reader admin;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD)));
        admin = server.moderator("admin", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aThreadMovesWithEveryReplyKeepsItsLinksSaysSoAndLosesItsStance() {
        Reader author = server.reader();
        long root = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-4",
                Map.of("body", "This is really about cooperation in Afghanistan", "stance", "for")));
        Reader other = server.reader();
        long reply = postedId(other.submit(other.open(ARTICLE + "/comments/" + root), "#reply-form", Map.of("body", "Indeed")));
        long deeper = postedId(author.submit(author.open(ARTICLE + "/comments/" + reply), "#reply-form", Map.of("body", "Thanks")));
        assertThat(tally("proposal-4").attr("data-tally-for")).isEqualTo("1");

        move(root, "proposal-2");

        Document proposal2 = server.page(ARTICLE + "/discussions/proposal-2");
        Element moved = proposal2.getElementById("comment-" + root);
        assertThat(moved.selectFirst(".moved").text()).isEqualTo("moved from Proposal 4 by a moderator");
        assertThat(moved.select(".replies article.comment").eachAttr("id")).containsExactly("comment-" + reply, "comment-" + deeper);
        assertThat(moved.select(".stance")).as("its stance was about proposal 4").isEmpty();
        assertThat(proposal2.selectFirst("h1 .count").text()).contains("3 comments");
        assertThat(server.page(ARTICLE + "/discussions/proposal-4").select("article.comment")).isEmpty();
        assertThat(server.page(ARTICLE + "/discussions/proposal-4").selectFirst("h1 .count").text()).contains("No comments");
        assertThat(tally("proposal-4").attr("data-tally-for")).isEqualTo("0");
        assertThat(server.get(ARTICLE + "/comments/" + deeper).statusCode()).as("permanent links keep working").isEqualTo(200);
        assertThat(admin.open("/admin/audit?action=comment.move").selectFirst("table.audit tbody tr").text())
                .contains("Proposal 4", "Proposal 2");
    }

    @Test
    void aReplyMovesWithItsOwnRepliesAndBecomesAThread() {
        Reader author = server.reader();
        long root = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-1", Map.of("body", "On balance")));
        long aside = postedId(author.submit(author.open(ARTICLE + "/comments/" + root), "#reply-form", Map.of("body", "An aside about culture")));
        long below = postedId(author.submit(author.open(ARTICLE + "/comments/" + aside), "#reply-form", Map.of("body", "More on culture")));

        move(aside, "proposal-5");

        Element thread = server.page(ARTICLE + "/discussions/proposal-5").getElementById("comment-" + aside);
        assertThat(thread.parents().is("article.comment")).as("a thread of its own").isFalse();
        assertThat(thread.select(".replies article.comment").eachAttr("id")).containsExactly("comment-" + below);
        assertThat(server.page(ARTICLE + "/discussions/proposal-1").getElementById("comment-" + root).select(".replies"))
                .isEmpty();
        assertThat(server.page(ARTICLE + "/discussions/proposal-1").selectFirst("h1 .count").text()).contains("1 comment");
        // Replying in the new place works: the moved thread's depth starts again from the top.
        Reader other = server.reader();
        assertThat(other.submit(other.open(ARTICLE + "/comments/" + below), "#reply-form", Map.of("body", "Agreed")).statusCode())
                .isEqualTo(303);
    }

    private void move(long id, String to) {
        Document form = admin.open("/admin/comments/" + id + "/move");
        assertThat(form.select("select[name=discussion] option").eachAttr("value")).as("the other five discussions").hasSize(5)
                .contains(to);
        var moved = admin.submit(form, "form[action$=/move]", Map.of("discussion", to));
        assertThat(moved.statusCode()).isEqualTo(303);
    }

    private Element tally(String key) {
        return server.page(ARTICLE + "/discussions/" + key).selectFirst(".tally");
    }
}
