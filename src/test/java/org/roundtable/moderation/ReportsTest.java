package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;
import org.roundtable.Reader;

/**
 * Readers report comments: the report page and what it refuses, and enough reporters hiding a comment until a
 * moderator decides.
 */
class ReportsTest extends ModeratedSiteTest {

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
    void approvingAReportedCommentStillShownKeepsItAndClosesItsReports() {
        long id = post(reader, "proposal-4", "Blunt but fair");
        report(Reader.from(server, "203.0.113.4"), id, "abuse", "Rude");
        assertThat(admin.open("/admin/queue?filter=reported").getElementById("queue-" + id)).isNotNull();

        decide(id, "approve");
        assertThat(admin.open("/admin/queue?filter=reported").getElementById("queue-" + id)).as("dealt with").isNull();
        assertThat(status(id)).isEqualTo("published");
        int audited = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'comment.approve' AND before_value = 'reported'").mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void commentsReadersDoNotSeeCannotBeReported() {
        long rejected = post(reader, "proposal-4", "Rejected already");
        decide(rejected, "reject");
        Reader someone = Reader.from(server, "203.0.113.9");
        var form = someone.open(ARTICLE + "/comments/" + post(reader, "proposal-4", "Shown") + "/report");
        String address = ARTICLE + "/comments/" + rejected + "/report";
        assertThat(someone.get(address).statusCode()).isEqualTo(404);
        form.selectFirst("form").attr("action", address);
        assertThat(someone.submit(form, "form", Map.of("reason", "spam", "details", "")).statusCode()).isEqualTo(404);
        int reports = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one());
        assertThat(reports).isZero();
        assertThat(status(rejected)).isEqualTo("rejected");
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
}
