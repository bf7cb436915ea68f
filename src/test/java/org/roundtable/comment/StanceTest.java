package org.roundtable.comment;

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
import org.roundtable.threads.ThreadPages;

/**
 * Readers' stances on the proposals and the tallies that count them: people, not comments; only what readers can
 * see; the latest stance each person set.
 */
class StanceTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String PROPOSAL_2 = ARTICLE + "/discussions/proposal-2";

    @TempDir
    Path folder;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aNewThreadOnAProposalOffersAStanceAndShowsItInWordsWithTheTally() {
        Reader reader = server.reader();
        Document article = reader.open(ARTICLE);
        Element form = article.getElementById("reply-proposal-2");
        assertThat(form.select("input[type=radio][name=stance]").eachAttr("value")).containsExactly("for", "against", "undecided", "");
        assertThat(form.select("input[name=stance][checked]").eachAttr("value")).as("none until the writer picks one").containsExactly("");
        assertThat(form.select("fieldset.stance-choices label").eachText()).containsExactly("✓ For", "✗ Against", "? Undecided", "No stance");
        assertThat(article.getElementById("reply-general").select("input[name=stance]")).as("not on the general discussion").isEmpty();

        long id = postedId(reader.submit(article, "#reply-proposal-2", Map.of("body", "I back this", "stance", "for")));

        Element comment = server.page(PROPOSAL_2).getElementById("comment-" + id);
        assertThat(comment.selectFirst(".stance").text()).isEqualTo("✓ Stance: For");
        assertThat(comment.selectFirst(".stance").attr("data-stance")).isEqualTo("for");
        assertTally(server.page(ARTICLE).selectFirst("#proposal-2 .tally"), 1, 0, 0);
        assertThat(server.page(ARTICLE).selectFirst("#proposal-2 .tally").text()).contains("1 for, 0 against, 0 undecided — 1 person");
        assertTally(server.page(ARTICLE).selectFirst(".toc .tally-line"), 1, 0, 0);
        assertTally(server.page(PROPOSAL_2).selectFirst(".tally"), 1, 0, 0);
        assertTally(server.page(ARTICLE).selectFirst("#proposal-1 .tally"), 0, 0, 0);
    }

    @Test
    void eachPersonCountsOnceByTheirLatestStance() {
        Reader first = server.reader();
        postedId(first.submit(first.open(ARTICLE), "#reply-proposal-2", Map.of("body", "At first I like it", "stance", "for")));
        postedId(first.submit(first.open(ARTICLE), "#reply-proposal-2", Map.of("body", "On reflection, no", "stance", "against")));
        Reader second = server.reader();
        postedId(second.submit(second.open(ARTICLE), "#reply-proposal-2", Map.of("body", "Not sure", "stance", "undecided")));
        Reader third = server.reader();
        postedId(third.submit(third.open(ARTICLE), "#reply-proposal-2", Map.of("body", "No stance from me")));

        Element tally = server.page(PROPOSAL_2).selectFirst(".tally");
        assertTally(tally, 0, 1, 1);
        assertThat(tally.text()).contains("0 for, 1 against, 1 undecided — 2 people");
    }

    @Test
    void repliesAndTheGeneralDiscussionCarryNoStanceWhateverIsSent() {
        Reader reader = server.reader();
        long thread = postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", "A thread")));
        Reader other = server.reader();
        Document threadPage = other.open(ARTICLE + "/comments/" + thread);
        assertThat(threadPage.select("#reply-form input[name=stance]")).isEmpty();
        long reply = postedId(other.submit(threadPage, "#reply-form", Map.of("body", "A reply", "stance", "for")));
        long general = postedId(other.submit(other.open(ARTICLE), "#reply-general", Map.of("body", "In general", "stance", "against")));

        assertThat(server.page(ARTICLE + "/comments/" + reply).select("#comment-" + reply + " > .comment-meta .stance")).isEmpty();
        assertThat(server.page(ARTICLE).select("#comment-" + general + " .stance")).isEmpty();
        assertTally(server.page(PROPOSAL_2).selectFirst(".tally"), 0, 0, 0);
    }

    @Test
    void aStanceThatIsNotOneIsRefusedWithTheTextKept() {
        Reader reader = server.reader();
        var refused = reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", "Kept words", "stance", "maybe"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document again = Reader.parse(refused);
        assertThat(again.selectFirst(".form-error").text()).contains("Choose for, against or undecided");
        assertThat(again.select("textarea[name=body]").eachText()).contains("Kept words");
    }

    @Test
    void whatReadersCannotSeeDoesNotCountAndTheAuthorMayChangeTheirStance() {
        Reader author = server.reader();
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-2", Map.of("body", "For it", "stance", "for")));
        Reader other = server.reader();
        postedId(other.submit(other.open(ARTICLE), "#reply-proposal-2", Map.of("body", "Against it", "stance", "against")));
        assertTally(server.page(PROPOSAL_2).selectFirst(".tally"), 1, 1, 0);

        Document edit = author.open(ARTICLE + "/comments/" + id + "/edit");
        assertThat(edit.select("input[name=stance][checked]").eachAttr("value")).containsExactly("for");
        assertThat(author.submit(edit, "form[action$=/edit]", Map.of("stance", "undecided")).statusCode()).isEqualTo(303);
        assertTally(server.page(PROPOSAL_2).selectFirst(".tally"), 0, 1, 1);
        assertThat(server.page(PROPOSAL_2).getElementById("comment-" + id).selectFirst(".stance").text()).contains("Undecided");

        Reader admin = server.moderator("admin", PASSWORD);
        admin.submit(admin.open("/admin/queue?filter=all"), "#queue-" + id + " form:has(input[name=decision][value=reject])", Map.of());
        assertTally(server.page(PROPOSAL_2).selectFirst(".tally"), 0, 1, 0);
        admin.submit(admin.open("/admin/queue?filter=all"), "#queue-" + id + " form:has(input[name=decision][value=restore])", Map.of());
        assertTally(server.page(PROPOSAL_2).selectFirst(".tally"), 0, 1, 1);
    }

    @Test
    void aModeratorClearsAStanceAuditedAndTheAuthorMaySetItAgain() {
        Reader author = server.reader();
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-2", Map.of("body", "Off-topic, but for", "stance", "for")));
        Reader admin = server.moderator("admin", PASSWORD);
        Document queue = admin.open("/admin/queue?filter=all");
        assertThat(queue.getElementById("queue-" + id).text()).contains("stance: For");

        var cleared = admin.submit(queue, "#queue-" + id + " form[action$=/clear-stance]", Map.of());
        assertThat(cleared.statusCode()).isEqualTo(303);
        assertThat(admin.follow(cleared).selectFirst(".notice").text()).contains("stance cleared");
        assertTally(server.page(PROPOSAL_2).selectFirst(".tally"), 0, 0, 0);
        assertThat(server.page(PROPOSAL_2).getElementById("comment-" + id).select(".stance")).isEmpty();
        assertThat(admin.open("/admin/audit?action=comment.clear_stance").select("table.audit tbody tr")).singleElement()
                .satisfies(row -> assertThat(row.text()).contains("for"));

        Document edit = author.open(ARTICLE + "/comments/" + id + "/edit");
        assertThat(edit.select("input[name=stance][checked]").eachAttr("value")).containsExactly("");
        author.submit(edit, "form[action$=/edit]", Map.of("stance", "for"));
        assertTally(server.page(PROPOSAL_2).selectFirst(".tally"), 1, 0, 0);
    }

    @Test
    void aProposalsThreadsCanBeReadOneStanceAtATimeInPages() {
        long firstInFavour = 0;
        for (int i = 1; i <= 25; i++) {
            Reader writer = server.reader();
            long id = postedId(writer.submit(writer.open(ARTICLE), "#reply-proposal-2",
                    Map.of("body", (i % 2 == 0 ? "Against " : "For ") + i, "stance", i % 2 == 0 ? "against" : "for")));
            firstInFavour = i == 1 ? id : firstInFavour;
        }
        Reader reader = server.reader();
        postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", "No side")));
        postedId(reader.submit(reader.open(ARTICLE + "/comments/" + firstInFavour), "#reply-form", Map.of("body", "A reply")));

        Document all = server.page(PROPOSAL_2);
        assertThat(all.selectFirst("h1 .count").text()).isEqualTo("(27 comments)");
        assertThat(all.select(".stance-filter a").eachText()).containsExactly("All threads", "For", "Against", "Undecided");
        assertThat(all.selectFirst(".stance-filter a[aria-current]").text()).isEqualTo("All threads");

        Document inFavour = server.page(all.selectFirst(".stance-filter a:contains(For)").attr("href"));
        assertThat(all.selectFirst(".pagination").text()).as("26 threads in all").contains("Page 1 of 2");
        // 13 for and 12 against: the 13 threads for it fit on one page.
        assertThat(inFavour.select(".threads > ol > li > article.comment > .comment-body").eachText()).hasSize(13)
                .allMatch(text -> text.startsWith("For "));
        assertThat(inFavour.select(".pagination")).isEmpty();
        assertThat(inFavour.selectFirst(".filter-notice").text()).contains("whose writers are for this proposal");
        assertThat(inFavour.selectFirst(".stance-filter a[aria-current]").text()).isEqualTo("For");
        assertThat(inFavour.selectFirst("h1 .count").text()).as("what it shows, a reply too").isEqualTo("(14 of 27 comments)");

        Document against = server.page(PROPOSAL_2 + "?stance=against&sort=newest");
        assertThat(against.select("article.comment .comment-body").eachText()).hasSize(12)
                .allMatch(text -> text.startsWith("Against ")).first().isEqualTo("Against 24");
        assertThat(against.selectFirst("h1 .count").text()).isEqualTo("(12 of 27 comments)");
        assertThat(against.selectFirst(".sort a[aria-current]").attr("href")).contains("stance=against");
        assertThat(server.page(PROPOSAL_2 + "?stance=maybe").select(".threads > ol > li > article.comment"))
                .as("anything else: every thread")
                .hasSize(ThreadPages.THREADS_PER_PAGE);
    }

    private static void assertTally(Element tally, int inFavour, int against, int undecided) {
        assertThat(tally).as("an element showing the tally").isNotNull();
        assertThat(tally.attr("data-tally-for")).isEqualTo(String.valueOf(inFavour));
        assertThat(tally.attr("data-tally-against")).isEqualTo(String.valueOf(against));
        assertThat(tally.attr("data-tally-undecided")).isEqualTo(String.valueOf(undecided));
    }
}
