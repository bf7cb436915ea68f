package org.roundtable.summary;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Moderators sum up where each proposal's debate stands; readers see it, and every earlier version. */
class SummaryTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String PROPOSAL_3 = ARTICLE + "/discussions/proposal-3";

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
    void aSummaryIsShownWithItsDateAndTheModeratorsChosenNameAndEveryVersionIsKept() {
        assertThat(server.page(PROPOSAL_3).select(".summary")).isEmpty();
        write("3", "Readers agree the **pipeline** matters. <script>alert(1)</script>");

        Element summary = server.page(PROPOSAL_3).selectFirst(".summary");
        assertThat(summary.selectFirst(".summary-body strong").text()).isEqualTo("pipeline");
        assertThat(summary.select("script")).isEmpty();
        assertThat(summary.selectFirst(".summary-meta").text()).startsWith("Summary updated").contains("by the moderators")
                .doesNotContain("admin");
        assertThat(server.page(ARTICLE).selectFirst("#proposal-3 .summary").text()).contains("pipeline");
        // A section with a heading of its own, a level below the part of the page it is in.
        assertThat(server.page(ARTICLE).selectFirst("#proposal-3 section.summary > h4").text()).isEqualTo("The state of the debate");
        assertThat(server.page(PROPOSAL_3).selectFirst("section.summary > h2").text()).isEqualTo("The state of the debate");
        assertThat(server.page(ARTICLE + "/compare").getElementById("compare-3").text()).contains("pipeline");

        var renamed = admin.submit(admin.open("/admin/articles"), "form.display-name-form", Map.of("display_name", "Mina"));
        assertThat(renamed.statusCode()).isEqualTo(303);
        write("3", "Readers now also agree on the price.");
        assertThat(server.page(PROPOSAL_3).selectFirst(".summary").text()).contains("price", "by Mina").doesNotContain("pipeline");

        Document history = server.page(PROPOSAL_3 + "/summary");
        assertThat(history.select("ol.revisions li")).hasSize(2);
        assertThat(history.select("ol.revisions li").eachText()).satisfiesExactly(
                newest -> assertThat(newest).contains("by Mina"),
                oldest -> assertThat(oldest).contains("by the moderators"));
        Document first = server.page(history.select("ol.revisions li a").get(1).attr("href"));
        assertThat(first.selectFirst(".summary-body").text()).contains("pipeline");

        Document audit = admin.open("/admin/audit?action=summary.write");
        assertThat(audit.select("table.audit tbody tr")).hasSize(2);
    }

    @Test
    void savingASummaryOrANameSaysSoWithLinksToWhatReadersSeeAndALinkCannotForgeIt() {
        long discussion = discussionId("proposal-2");
        var saved = admin.submit(admin.open("/admin/articles"), "form[action$='/discussions/" + discussion + "/summary']",
                Map.of("summary", "Readers agree on trade."));
        String back = saved.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith("/admin/articles?saved=").endsWith("#discussion-" + discussion);
        Element notice = admin.open(back).getElementById("discussion-" + discussion).selectFirst(".notice");
        assertThat(notice.text()).startsWith("Summary for proposal 2 saved.");
        assertThat(notice.attr("role")).isEqualTo("status");
        assertThat(notice.select("a").eachAttr("href")).containsExactly(
                ARTICLE + "/discussions/proposal-2#summary-heading", ARTICLE + "/discussions/proposal-2/summary");
        assertThat(server.page(notice.select("a").get(0).attr("href")).getElementById("summary-heading")).isNotNull();
        assertThat(server.page(notice.select("a").get(1).attr("href")).select("ol.revisions li")).hasSize(1);
        assertThat(admin.open("/admin/articles").select(".notice")).as("said once, not on every visit").isEmpty();
        assertThat(admin.open("/admin/articles?saved=" + discussion).select(".notice")).as("unsigned").isEmpty();

        var renamed = admin.submit(admin.open("/admin/articles"), "form.display-name-form", Map.of("display_name", " Mina "));
        Document page = admin.open(renamed.headers().firstValue("Location").orElseThrow());
        assertThat(page.selectFirst("main > .notice").text()).isEqualTo("Name saved: your summaries are signed “Mina” from now on.");
        assertThat(admin.open("/admin/articles?notice=Hacked").select(".notice")).as("unsigned").isEmpty();
    }

    @Test
    void anEmptySummaryIsRefusedWithTheFormShownAgainAndTheGeneralDiscussionHasNone() {
        Document articles = admin.open("/admin/articles");
        assertThat(articles.select("form[action$=/summary]")).as("one per proposal").hasSize(5);
        var refused = admin.submit(articles, "form[action$='/discussions/" + discussionId("proposal-2") + "/summary']",
                Map.of("summary", "   "));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Reader.parse(refused).selectFirst(".form-error").text()).isEqualTo("Write the summary first.");
        assertThat(server.get(ARTICLE + "/discussions/general/summary").statusCode()).isEqualTo(404);
        assertThat(server.get(PROPOSAL_3 + "/summary/999").statusCode()).isEqualTo(404);
    }

    private void write(String proposal, String text) {
        var saved = admin.submit(admin.open("/admin/articles"),
                "form[action$='/discussions/" + discussionId("proposal-" + proposal) + "/summary']", Map.of("summary", text));
        assertThat(saved.statusCode()).isEqualTo(303);
    }

    private long discussionId(String key) {
        return server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM discussions WHERE discussion_key = :key")
                .bind("key", key).mapTo(Long.class).one());
    }
}
