package org.roundtable.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** Quoting without JavaScript: the comment's own page offers its words, quoted, in the reply form. */
class QuoteTest {

    @TempDir
    Path folder;

    @Test
    void theReplyPageQuotesTheCommentAsMarkdownAndTheQuoteIsShownAsOne() {
        try (var server = TestServer.start(folder)) {
            Reader writer = server.reader();
            long id = postedId(writer.submit(writer.open(ARTICLE), "#reply-proposal-2",
                    Map.of("body", "Gwadar matters.\n\nSo does Chabahar, <b>really</b>.")));
            Reader replier = server.reader();
            Document page = replier.open(ARTICLE + "/comments/" + id);
            String quoteLink = page.selectFirst("#reply .quote-link a").attr("href");
            assertThat(quoteLink).isEqualTo(ARTICLE + "/comments/" + id + "?quote#reply");

            Document quoting = replier.open(quoteLink.replace("#reply", ""));
            String typed = quoting.selectFirst("#reply-form textarea").text();
            assertThat(quoting.selectFirst("#reply-form textarea").wholeText())
                    .isEqualTo("> Gwadar matters.\n>\n> So does Chabahar, <b>really</b>.\n\n");
            assertThat(quoting.select("#reply .quote-link")).as("offered once").isEmpty();
            assertThat(typed).isNotEmpty();

            String body = quoting.selectFirst("#reply-form textarea").wholeText() + "I agree.";
            long reply = postedId(replier.submit(quoting, "#reply-form", Map.of("body", body)));
            var shown = server.page(ARTICLE + "/comments/" + reply).getElementById("comment-" + reply);
            assertThat(shown.select(".comment-body blockquote").text()).contains("Gwadar matters.").contains("really");
            assertThat(shown.select(".comment-body b")).as("still inert").isEmpty();
        }
    }
}
