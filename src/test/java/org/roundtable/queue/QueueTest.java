package org.roundtable.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;
import org.roundtable.Reader;

/**
 * The queue: decisions on one comment or many (a deletion asks first) and what readers see after them, a
 * moderator's edit, the status line a decision leaves, and the dashboard's count of what waits.
 */
class QueueTest extends ModeratedSiteTest {

    @Test
    void rejectSpamDeleteAndRestoreChangeWhatReadersSeeAndAreAudited() {
        long parent = post(reader, "proposal-3", "Parent text");
        long reply = reply(server.reader(), parent, "A reply");
        long spam = post(server.reader(), "proposal-3", "Buy things");

        decide(spam, "spam");
        assertThat(server.reader().open(ARTICLE).getElementById("comment-" + spam)).isNull();
        assertThat(admin.open("/admin/queue?filter=spam").getElementById("queue-" + spam)).isNotNull();

        decide(parent, "delete");
        // Replies are read on the discussion's page (the article leaves them out).
        Document page = server.reader().open(ARTICLE + "/discussions/proposal-3");
        assertThat(page.getElementById("comment-" + parent).selectFirst(".comment-placeholder").text()).isEqualTo("[deleted]");
        assertThat(page.getElementById("comment-" + reply).selectFirst(".comment-body").text()).isEqualTo("A reply");

        decide(parent, "restore");
        assertThat(server.reader().open(ARTICLE).getElementById("comment-" + parent).selectFirst(".comment-body").text())
                .isEqualTo("Parent text");

        decide(reply, "reject");
        assertThat(server.reader().open(ARTICLE + "/discussions/proposal-3").getElementById("comment-" + reply)).isNull();

        List<String> audit = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT action || ' ' || target_id || ' ' || before_value || '>' || after_value FROM audit_log "
                + "WHERE target_type = 'comment' ORDER BY id").mapTo(String.class).list());
        assertThat(audit).containsExactly(
                "comment.spam " + spam + " published>spam",
                "comment.delete " + parent + " published>deleted",
                "comment.restore " + parent + " deleted>published",
                "comment.reject " + reply + " published>rejected");
    }

    @Test
    void aModeratorsEditSaysSoAndTheAuditKeepsTheOriginal() {
        long id = post(reader, "general", "Some rude words");
        var saved = admin.submit(admin.open("/admin/comments/" + id + "/edit"), "form[action$=/edit]",
                Map.of("body", "Some [removed] words"));
        assertThat(saved.statusCode()).isEqualTo(303);
        var comment = server.reader().open(ARTICLE).getElementById("comment-" + id);
        assertThat(comment.selectFirst(".comment-body").text()).isEqualTo("Some [removed] words");
        assertThat(comment.selectFirst(".edited").text()).isEqualTo("edited by a moderator");
        String audit = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT before_value || '|' || after_value FROM audit_log WHERE action = 'comment.edit'").mapTo(String.class).one());
        assertThat(audit).isEqualTo("Some rude words|Some [removed] words");

        var empty = admin.submit(admin.open("/admin/comments/" + id + "/edit"), "form[action$=/edit]", Map.of("body", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
    }

    @Test
    void bulkActionsApplyToEverySelectedComment() {
        setPolicy("all_held");
        long a = post(reader, "general", "one");
        long b = post(server.reader(), "general", "two");
        long c = post(server.reader(), "general", "three");
        String csrf = admin.open("/admin/queue").selectFirst("#bulk-form input[name=csrf]").val();
        // Two ticked boxes send the field "ids" twice, as a browser does.
        var bulk = admin.postEncoded("/admin/comments/bulk", "csrf=" + csrf + "&decision=approve&ids=" + a + "&ids=" + b);
        assertThat(bulk.statusCode()).isEqualTo(303);
        assertThat(List.of(status(a), status(b), status(c))).containsExactly("published", "published", "held");
        Document queue = admin.open("/admin/queue?filter=held");
        assertThat(queue.select(".queue-item")).hasSize(1);
    }

    @Test
    void aDecisionThatChangesNothingSaysSoAndIsNotAudited() {
        long id = post(reader, "general", "Rejected once");
        decide(id, "reject");
        String csrf = admin.open("/admin/queue?filter=all").selectFirst("#bulk-form input[name=csrf]").val();

        var again = admin.post("/admin/comments/" + id + "/decide", Map.of("csrf", csrf, "decision", "reject"));
        assertThat(admin.follow(again).selectFirst(".notice").text())
                .isEqualTo("Comment " + id + " is already rejected; nothing changed.");
        long other = post(server.reader(), "general", "Shown");
        var bulk = admin.postEncoded("/admin/comments/bulk", "csrf=" + csrf + "&decision=reject&ids=" + id + "&ids=" + other);
        assertThat(admin.follow(bulk).selectFirst(".notice").text())
                .isEqualTo("1 comment rejected. 1 comment unchanged: already so, gone, or changed by someone else meanwhile.");
        int rejections = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'comment.reject'").mapTo(Integer.class).one());
        assertThat(rejections).as("one for each comment that changed").isEqualTo(2);

        setPolicy("all_held");
        setPolicy("all_held");
        int policies = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'article.policy'").mapTo(Integer.class).one());
        assertThat(policies).as("a policy set again is no change").isEqualTo(1);
    }

    @Test
    void aCommentItsAuthorDeletedCannotBeApprovedBackIntoSight() {
        long id = post(reader, "general", "Taken back");
        var asked = reader.submit(reader.open(ARTICLE + "/comments/" + id + "/delete"), "main form[action$=/delete]", Map.of());
        assertThat(asked.statusCode()).isEqualTo(303);
        String csrf = admin.open("/admin/queue?filter=all").selectFirst("#bulk-form input[name=csrf]").val();
        var bulk = admin.postEncoded("/admin/comments/bulk", "csrf=" + csrf + "&decision=approve&ids=" + id);
        assertThat(admin.follow(bulk).selectFirst(".notice").text()).startsWith("0 comments approved.");
        assertThat(status(id)).isEqualTo("deleted");
    }

    @Test
    void moreCommentsAtOnceThanAQueuePageListsAreRefusedWholeNotCut() {
        setPolicy("all_held");
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            ids.append("&ids=").append(post(server.reader(), "general", "Held " + i));
        }
        String csrf = admin.open("/admin/queue").selectFirst("#bulk-form input[name=csrf]").val();
        var bulk = admin.postEncoded("/admin/comments/bulk", "csrf=" + csrf + "&decision=approve" + ids);
        assertThat(admin.follow(bulk).selectFirst(".notice").text())
                .isEqualTo("Select at most 25 comments at once; nothing was changed.");
        int published = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM comments WHERE status = 'published' AND body LIKE 'Held %'").mapTo(Integer.class).one());
        assertThat(published).isZero();
    }

    @Test
    void withoutAScriptAllOnAPageAreChosenByAButtonAndDeletingThemAsksFirst() {
        setPolicy("all_held");
        long a = post(reader, "general", "one");
        long b = post(server.reader(), "general", "two");
        Document queue = admin.open("/admin/queue?filter=held");
        assertThat(queue.selectFirst("label.select-all").hasAttr("hidden")).as("a script shows the checkbox").isTrue();
        assertThat(queue.select("#queue-" + a + " button.danger").text()).isEqualTo("delete");
        assertThat(queue.select("#queue-" + a + " button.danger").attr("data-confirm")).isNotBlank();

        var asked = admin.submit(queue, "#bulk-form", Map.of("decision", "delete", "scope", "page"));
        assertThat(asked.statusCode()).isEqualTo(200);
        Document confirmation = Reader.parse(asked);
        assertThat(confirmation.selectFirst("h1").text()).isEqualTo("Delete these 2 comments?");
        assertThat(List.of(status(a), status(b))).containsOnly("held");

        var done = admin.submit(confirmation, "main form:has(input[name=confirmed])", Map.of());
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(List.of(status(a), status(b))).containsOnly("deleted");
        assertThat(admin.follow(done).selectFirst(".notice").text()).isEqualTo("2 comments deleted.");
    }

    @Test
    void theQueuesStatusLineSaysOnlyWhatTheServerSaid() {
        assertThat(admin.open("/admin/queue?notice=Your+session+expired.+Sign+in+again+at+evil.example").select(".notice"))
                .isEmpty();
        long id = post(reader, "general", "To be rejected");
        var decided = admin.submit(admin.open("/admin/queue?filter=all"),
                "#queue-" + id + " form:has(input[name=decision][value=reject])", Map.of());
        assertThat(admin.follow(decided).selectFirst(".notice").text()).isNotBlank().doesNotContain("evil");

        String signedAddress = decided.headers().firstValue("Location").orElseThrow();
        Reader otherSession = server.moderator("admin", PASSWORD);
        assertThat(otherSession.open(signedAddress).select(".notice")).as("signed for the session that acted").isEmpty();
        clock.advance(java.time.Duration.ofMinutes(11));
        assertThat(admin.open(signedAddress).select(".notice")).as("and for a few minutes").isEmpty();
    }

    @Test
    void theDashboardCountsWhatNeedsAttention() {
        setPolicy("all_held");
        post(reader, "proposal-1", "held one");
        long spam = post(server.reader(), "proposal-1", "spam one");
        decide(spam, "spam");
        Document dashboard = admin.open("/admin");
        assertThat(dashboard.select(".tiles li").eachText()).containsExactly("1 held", "0 reported", "1 spam");
        assertThat(dashboard.select("table tbody tr").first().text()).contains("Proposal 1");
    }
}
