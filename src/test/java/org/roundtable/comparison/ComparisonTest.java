package org.roundtable.comparison;

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

/** The proposals side by side: tallies, who took part, the strongest argument each way, the last activity. */
class ComparisonTest {

    private static final String COMPARE = ARTICLE + "/compare";

    @TempDir
    Path folder;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(folder);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyProposalIsComparedAndTheArticleLinksTheComparison() {
        Document compare = server.page(COMPARE);
        assertThat(compare.selectFirst("h1").text()).isEqualTo("Comparing the proposals");
        assertThat(compare.select("table.comparison tbody tr")).hasSize(5);
        assertThat(compare.selectFirst("#compare-1 th").text()).startsWith("Proposal 1:");
        assertThat(compare.selectFirst("#compare-1 .none").text()).isEqualTo("Nobody has argued for it yet.");
        assertThat(compare.selectFirst("#compare-1").text()).contains("No comments yet");

        Document article = server.page(ARTICLE);
        assertThat(article.select(".toc a[href=" + COMPARE + "]")).hasSize(1);
        assertThat(article.select("#proposal-3 a[href=" + COMPARE + "]")).hasSize(1);
        assertThat(server.get(ARTICLE.replace("iran", "no-such") + "/compare").statusCode()).isEqualTo(404);
    }

    @Test
    void theStrongestArgumentIsTheMostRepliedThreadOfItsStance() {
        Reader first = server.reader();
        long quiet = postedId(first.submit(first.open(ARTICLE), "#reply-proposal-2", Map.of("name", "Quiet", "body", "For, quietly", "stance", "for")));
        Reader second = server.reader();
        long debated = postedId(second.submit(second.open(ARTICLE), "#reply-proposal-2",
                Map.of("name", "Debated", "body", "For, and here is why", "stance", "for")));
        Reader third = server.reader();
        long reply = postedId(third.submit(third.open(ARTICLE + "/comments/" + debated), "#reply-form", Map.of("body", "Why?")));
        postedId(second.submit(second.open(ARTICLE + "/comments/" + reply), "#reply-form", Map.of("body", "Because")));
        postedId(third.submit(third.open(ARTICLE), "#reply-proposal-2", Map.of("name", "Opposed", "body", "Against it", "stance", "against")));

        Element row = server.page(COMPARE).getElementById("compare-2");
        Element inFavour = row.select("td").get(2).selectFirst(".argument");
        assertThat(inFavour.text()).contains("For, and here is why", "Debated", "2 replies");
        assertThat(inFavour.selectFirst("a").attr("href")).isEqualTo(ARTICLE + "/comments/" + debated);
        assertThat(row.select("td").get(3).selectFirst(".argument").text()).contains("Against it", "Opposed", "0 replies");
        assertThat(row.selectFirst(".participants").text()).as("three browsers").isEqualTo("3");
        assertThat(row.selectFirst(".tally").attr("data-tally-for")).isEqualTo("2");
        assertThat(row.selectFirst(".tally").attr("data-tally-against")).isEqualTo("1");
        assertThat(row.selectFirst("time")).isNotNull();
        assertThat(quiet).isPositive();
    }

    @Test
    void onceReadersMarkCommentsHelpfulTheMostHelpfulIsTheStrongest() {
        Reader first = server.reader();
        long quiet = postedId(first.submit(first.open(ARTICLE), "#reply-proposal-2", Map.of("name", "Quiet", "body", "For, quietly", "stance", "for")));
        Reader second = server.reader();
        long debated = postedId(second.submit(second.open(ARTICLE), "#reply-proposal-2",
                Map.of("name", "Debated", "body", "For, and here is why", "stance", "for")));
        postedId(first.submit(first.open(ARTICLE + "/comments/" + debated), "#reply-form", Map.of("body", "Why?")));
        for (int i = 0; i < 2; i++) {
            Reader marker = server.reader();
            String token = marker.open(ARTICLE).selectFirst("input[name=form_token]").val();
            assertThat(marker.post(ARTICLE + "/comments/" + quiet + "/helpful", Map.of("helpful", "yes", "form_token", token))
                    .statusCode()).isEqualTo(303);
        }
        Element inFavour = server.page(COMPARE).getElementById("compare-2").select("td").get(2).selectFirst(".argument");
        assertThat(inFavour.text()).contains("For, quietly", "2 found it helpful · 0 replies");
    }

    @Test
    void theComparisonIsCachedAndGoesStaleWithItsArticle() {
        var before = server.get(COMPARE);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get(COMPARE).headers().firstValue("ETag")).hasValue(etag);
        Reader reader = server.reader();
        postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-4", Map.of("body", "Undecided here", "stance", "undecided")));
        var after = server.get(COMPARE);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(Reader.parse(after).getElementById("compare-4").selectFirst(".tally").attr("data-tally-undecided")).isEqualTo("1");
    }
}
