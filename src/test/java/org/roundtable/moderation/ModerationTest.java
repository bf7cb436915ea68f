package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** Policies, locks, decisions, reports, bans and the audit trail, over real HTTP. */
class ModerationTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    final MutableClock clock = new MutableClock();
    TestServer server;
    Reader admin;
    Reader reader;

    @BeforeEach
    void start() {
        // Behind a proxy, so that readers can come from different addresses.
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD, "TRUST_PROXY", "true")), clock);
        admin = server.moderator("admin", PASSWORD);
        reader = server.reader();
    }

    @AfterEach
    void stop() {
        server.close();
    }

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

    @Test
    void rejectSpamDeleteAndRestoreChangeWhatReadersSeeAndAreAudited() {
        long parent = post(reader, "proposal-3", "Parent text");
        long reply = reply(server.reader(), parent, "A reply");
        long spam = post(server.reader(), "proposal-3", "Buy things");

        decide(spam, "spam");
        assertThat(server.reader().open(ARTICLE).getElementById("comment-" + spam)).isNull();
        assertThat(admin.open("/admin/queue?filter=spam").getElementById("queue-" + spam)).isNotNull();

        decide(parent, "delete");
        Document page = server.reader().open(ARTICLE);
        assertThat(page.getElementById("comment-" + parent).selectFirst(".comment-placeholder").text()).isEqualTo("[deleted]");
        assertThat(page.getElementById("comment-" + reply).selectFirst(".comment-body").text()).isEqualTo("A reply");

        decide(parent, "restore");
        assertThat(server.reader().open(ARTICLE).getElementById("comment-" + parent).selectFirst(".comment-body").text())
                .isEqualTo("Parent text");

        decide(reply, "reject");
        assertThat(server.reader().open(ARTICLE).getElementById("comment-" + reply)).isNull();

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
        assertThat(admin.follow(done).selectFirst(".notice").text()).isEqualTo("delete: 2 of 2 comments.");
    }

    @Test
    void enoughReportsHideACommentUntilAModeratorDecides() {
        long id = post(reader, "proposal-4", "Questionable");
        report(Reader.from(server, "203.0.113.1"), id, "abuse", "Insulting");
        Reader repeat = Reader.from(server, "203.0.113.2");
        report(repeat, id, "spam", "");
        report(repeat, id, "spam", "again");
        assertThat(status(id)).isEqualTo("published");
        Document queue = admin.open("/admin/queue?filter=reported");
        assertThat(queue.getElementById("queue-" + id).select(".reasons li").eachText())
                .containsExactly("Abusive, hateful or harassing: Insulting", "Spam or advertising");

        report(Reader.from(server, "203.0.113.3"), id, "off_topic", "");
        assertThat(status(id)).isEqualTo("held");
        assertThat(server.reader().open(ARTICLE).getElementById("comment-" + id)).isNull();

        decide(id, "approve");
        assertThat(status(id)).isEqualTo("published");
        assertThat(admin.open("/admin/queue?filter=reported").getElementById("queue-" + id)).isNull();
    }

    @Test
    void browsersWithoutCookiesFromOneAddressCountAsOneReporter() {
        long id = post(reader, "proposal-4", "Unpopular but fine");
        for (int i = 0; i < 5; i++) {
            report(Reader.from(server, "203.0.113.9"), id, "spam", "");
        }
        assertThat(status(id)).isEqualTo("published");
    }

    @Test
    void theQueuesStatusLineSaysOnlyWhatTheServerSaid() {
        assertThat(admin.open("/admin/queue?notice=Your+session+expired.+Sign+in+again+at+evil.example").select(".notice"))
                .isEmpty();
        long id = post(reader, "general", "To be rejected");
        var decided = admin.submit(admin.open("/admin/queue?filter=all"),
                "#queue-" + id + " form:has(input[name=decision][value=reject])", Map.of());
        assertThat(admin.follow(decided).selectFirst(".notice").text()).isNotBlank().doesNotContain("evil");
    }

    @Test
    void aReportWithoutAFormTokenFromOurPageIsRefused() {
        long id = post(reader, "general", "Reported by a script");
        Reader script = Reader.from(server, "203.0.113.10");
        for (String token : new String[] {"", "forged", "form.1.abc"}) {
            var refused = script.post(ARTICLE + "/comments/" + id + "/report", Map.of("reason", "spam", "form_token", token));
            assertThat(refused.statusCode()).as(token).isEqualTo(403);
        }
        int reports = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one());
        assertThat(reports).isZero();
    }

    @Test
    void theReportPageQuotesTheCommentAndGroupsItsReasons() {
        long id = post(reader, "general", "**Loud** words worth a look");
        Document page = Reader.from(server, "203.0.113.20").open(ARTICLE + "/comments/" + id + "/report");
        assertThat(page.selectFirst(".reported blockquote").text()).isEqualTo("Loud words worth a look");
        assertThat(page.selectFirst("fieldset.choices > legend").text()).isEqualTo("Reason");
        assertThat(page.select("fieldset.choices label.choice > input[type=radio][name=reason]")).hasSizeGreaterThan(2);
    }

    @Test
    void aReportNeedsAReason() {
        long id = post(reader, "general", "Fine comment");
        Reader reporter = server.reader();
        var refused = reporter.submit(reporter.open(ARTICLE + "/comments/" + id + "/report"), "form", Map.of("details", "hmm"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Reader.parse(refused).selectFirst(".form-error").text()).isEqualTo("Please choose a reason.");
        assertThat(Reader.parse(refused).selectFirst("textarea").text()).isEqualTo("hmm");
    }

    @Test
    void anAuthorsEditPassesTheChecksAPostPasses() {
        admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/phrases]",
                Map.of("phrase", "cheap pills", "verdict", "spam"));
        long listed = post(reader, "general", "An honest opinion");
        assertThat(edit(reader, listed, "Buy cheap pills").statusCode()).isEqualTo(303);
        assertThat(status(listed)).isEqualTo("spam");

        long linked = post(reader, "general", "Sources to follow");
        assertThat(edit(reader, linked, "[a](//a.example) [b](//b.example) [c](//c.example)").statusCode()).isEqualTo(303);
        assertThat(status(linked)).isEqualTo("held");
        int audited = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'comment.author_edit'")
                .mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(2);

        long locked = post(reader, "proposal-3", "Before the lock");
        admin.submit(admin.open("/admin/articles"), "form[action=/admin/discussions/" + discussionId("proposal-3") + "/lock]", Map.of());
        var refused = edit(reader, locked, "After the lock");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Reader.parse(refused).selectFirst("textarea").text()).isEqualTo("After the lock");

        long bannedComment = post(reader, "general", "Before the ban");
        admin.submit(admin.open("/admin/comments/" + bannedComment + "/ban"), "form[action$=/ban]",
                Map.of("reason", "Cool off", "length", "1d"));
        assertThat(edit(reader, bannedComment, "After the ban").statusCode()).isEqualTo(403);
        String kept = server.jdbi().withHandle(h -> h.createQuery("SELECT body FROM comments WHERE id = :id").bind("id", bannedComment)
                .mapTo(String.class).one());
        assertThat(kept).isEqualTo("Before the ban");
    }

    private HttpResponse<String> edit(Reader who, long id, String body) {
        return who.submit(who.open(ARTICLE + "/comments/" + id + "/edit"), "form[action$=/edit]", Map.of("body", body));
    }

    @Test
    void aBanBlocksTheAuthorsBrowserAndOthersAtTheirAddressPostOnUntilLifted() {
        long id = post(reader, "general", "Trolling");
        var banned = admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]",
                Map.of("reason", "Repeated trolling", "length", "7d"));
        assertThat(banned.statusCode()).isEqualTo(303);

        var refused = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Let me back in"));
        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = Reader.parse(refused);
        assertThat(page.selectFirst("#reply-general .form-error").text())
                .startsWith("You cannot post here until").contains("Repeated trolling");
        assertThat(page.selectFirst("#reply-general textarea").text()).isEqualTo("Let me back in");

        // Another reader behind the same address (a carrier's NAT) is someone else.
        assertThat(post(server.reader(), "general", "Same network, different person")).isPositive();
        String storedHash = server.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(ip_hash, 'none') FROM bans").mapTo(String.class).one());
        assertThat(storedHash).isEqualTo("none");

        Element listed = admin.open("/admin/bans").selectFirst("tr[id^=ban-]");
        assertThat(listed.selectFirst(".banned-who").text()).contains("The browser of", "Trolling");

        long banId = server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM bans").mapTo(Long.class).one());
        admin.submit(admin.open("/admin/bans"), "form[action=/admin/bans/" + banId + "/lift]", Map.of());
        assertThat(post(reader, "general", "Reformed")).isPositive();
        assertThat(admin.open("/admin/bans").getElementById("ban-" + banId).text()).contains("lifted by admin");
    }

    @Test
    void banningTheAddressTooIsAChoiceThatLastsAWeekAtMost() {
        long id = post(reader, "general", "Back with new cookies again");
        admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]",
                Map.of("reason", "Ban evasion", "length", "never", "address", "yes"));
        var sameAddress = server.reader();
        assertThat(sameAddress.submit(sameAddress.open(ARTICLE), "#reply-general", Map.of("body", "New cookie")).statusCode())
                .isEqualTo(403);
        String storedHash = server.jdbi().withHandle(h -> h.createQuery("SELECT ip_hash FROM bans WHERE author_id IS NULL")
                .mapTo(String.class).one());
        assertThat(storedHash).hasSize(43).doesNotContain("127.0.0.1");
        assertThat(admin.open("/admin/bans").text()).contains("Everyone at the address of");

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(post(sameAddress, "general", "A week later, someone else")).isPositive();
        assertThat(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Still me")).statusCode())
                .as("the author's own ban lasts until lifted").isEqualTo(403);
    }

    @Test
    void aBanExpires() {
        long id = post(reader, "general", "Trolling");
        admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]", Map.of("reason", "Cool off", "length", "1d"));
        assertThat(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "x")).statusCode()).isEqualTo(403);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(post(reader, "general", "Back")).isPositive();
    }

    @Test
    void theAuditLogIsBrowsableAndFilterable() {
        long id = post(reader, "general", "Anything");
        decide(id, "reject");
        decide(id, "restore");
        setPolicy("all_held");
        Document all = admin.open("/admin/audit");
        assertThat(all.select("table.audit tbody tr").eachText()).anyMatch(row -> row.contains("article.policy"));
        Document filtered = admin.open("/admin/audit?action=comment.reject");
        assertThat(filtered.select("table.audit tbody tr")).singleElement()
                .satisfies(row -> assertThat(row.text()).contains("admin", "comment.reject", "published", "rejected"));
        assertThat(filtered.selectFirst("table.audit tbody tr a").attr("href")).as("the target is a link")
                .isEqualTo("/admin/comments/" + id + "/edit");
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

    private long post(Reader who, String discussion, String body) {
        return postedId(who.submit(who.open(ARTICLE), "#reply-" + discussion, Map.of("body", body)));
    }

    private long reply(Reader who, long parent, String body) {
        return postedId(who.submit(who.open(ARTICLE + "/comments/" + parent), "#reply-form", Map.of("body", body)));
    }

    private void report(Reader who, long id, String reason, String details) {
        var sent = who.submit(who.open(ARTICLE + "/comments/" + id + "/report"), "form",
                Map.of("reason", reason, "details", details));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(who.follow(sent).selectFirst(".thanks").text()).contains("Thank you");
    }

    private void decide(long id, String decision) {
        Document queue = admin.open("/admin/queue?filter=all");
        var response = admin.submit(queue, "#queue-" + id + " form:has(input[name=decision][value=" + decision + "])", Map.of());
        if (decision.equals("delete")) {
            assertThat(response.statusCode()).as("asked first").isEqualTo(200);
            response = admin.submit(Reader.parse(response), "main form:has(input[name=confirmed])", Map.of());
        }
        assertThat(response.statusCode()).isEqualTo(303);
    }

    private void setPolicy(String policy) {
        var response = admin.submit(admin.open("/admin/articles"), "form.policy-form", Map.of("policy", policy));
        assertThat(response.statusCode()).isEqualTo(303);
    }

    private String status(long id) {
        return server.commentStatus(id);
    }

    private long discussionId(String key) {
        return server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM discussions WHERE discussion_key = :key")
                .bind("key", key).mapTo(Long.class).one());
    }
}
