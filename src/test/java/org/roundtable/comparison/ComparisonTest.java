package org.roundtable.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        // Behind a proxy, so that readers can come from one address.
        server = TestServer.start(TestServer.config(folder, Map.of("TRUST_PROXY", "true")));
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
        assertThat(compare.select("dl.column-notes dt").eachText()).as("a sentence on each column").containsExactly(
                "Where readers stand", "People who wrote", "Strongest argument for, and against", "The state of the debate",
                "Last activity");
        assertThat(compare.select("dl.column-notes dd").eachText()).hasSize(5).allMatch(sentence -> sentence.endsWith("."));
        assertThat(compare.selectFirst("#compare-1 th").text()).startsWith("Proposal 1:");
        assertThat(compare.selectFirst("#compare-1 .none").text()).isEqualTo("Nobody has argued for it yet.");
        assertThat(compare.selectFirst("#compare-1").text()).contains("No comments yet");

        Document article = server.page(ARTICLE);
        assertThat(article.select(".toc a[href=" + COMPARE + "]")).hasSize(1);
        assertThat(article.select("#proposal-3 a[href=" + COMPARE + "]")).hasSize(1);
        assertThat(server.get(ARTICLE.replace("iran", "no-such") + "/compare").statusCode()).isEqualTo(404);
    }

    @Test
    void theStrongestArgumentIsTheThreadMostPeopleTookPartInNotTheMostReplied() {
        Reader first = server.reader();
        long quiet = postedId(first.submit(first.open(ARTICLE), "#reply-proposal-2", Map.of("name", "Quiet", "body", "For, quietly", "stance", "for")));
        Reader second = server.reader();
        long pingPong = thread(second, "proposal-2", "Argued", "For, as I keep saying", "for");
        Reader third = server.reader();
        long reply = reply(third, pingPong, "Why?");
        reply = reply(second, reply, "Because");
        reply(third, reply, "Still why?");
        long debated = thread(server.reader(), "proposal-2", "Debated", "For, and here is why", "for");
        reply(server.reader(), debated, "Agreed");
        reply(server.reader(), debated, "Partly agreed");
        postedId(third.submit(third.open(ARTICLE), "#reply-proposal-2", Map.of("name", "Opposed", "body", "Against it", "stance", "against")));

        Element row = server.page(COMPARE).getElementById("compare-2");
        Element inFavour = row.select("td").get(2).selectFirst(".argument");
        assertThat(inFavour.text()).as("three people and two replies beat two people and three replies")
                .contains("For, and here is why", "Debated", "3 people took part", "2 replies");
        assertThat(inFavour.selectFirst("a").attr("href")).isEqualTo(ARTICLE + "/comments/" + debated);
        assertThat(row.select("td").get(3).selectFirst(".argument").text()).contains("Against it", "Opposed", "1 person took part", "0 replies");
        assertThat(row.selectFirst(".participants").text()).as("six browsers").isEqualTo("6");
        assertThat(row.selectFirst(".tally").attr("data-tally-for")).isEqualTo("3");
        assertThat(row.selectFirst(".tally").attr("data-tally-against")).isEqualTo("1");
        assertThat(row.selectFirst("time")).isNotNull();
        assertThat(server.page(COMPARE).text()).contains("the most different people took part");
        assertThat(quiet).isPositive();
    }

    @Test
    void markersCountAsPeopleOnceEachAndMarksBeyondAnAddressesShareBringNobody() {
        long marked = thread(server.reader(), "proposal-4", "Marked", "For, says one office", "for");
        for (int i = 0; i < 6; i++) {
            assertThat(mark(Reader.from(server, "203.0.113.4"), marked)).isEqualTo(303);
        }
        assertThat(mark(Reader.from(server, "203.0.113.5"), marked)).isEqualTo(303);
        long discussed = thread(server.reader(), "proposal-4", "Discussed", "For, say several people", "for");
        List<Long> replies = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Reader replier = Reader.from(server, "198.51.100." + i);
            replies.add(reply(replier, discussed, "Reply " + i));
            if (i > 1) {
                assertThat(mark(replier, replies.get(i - 2))).as("a replier who also marks counts once").isEqualTo(303);
            }
        }
        Reader marker = Reader.from(server, "198.51.100.9");
        assertThat(mark(marker, replies.get(0))).isEqualTo(303);
        assertThat(mark(marker, replies.get(3))).as("a marker of two of its comments counts once").isEqualTo(303);

        Element inFavour = server.page(COMPARE).getElementById("compare-4").select("td").get(2).selectFirst(".argument");
        assertThat(inFavour.selectFirst("a").attr("href"))
                .as("six people beat four counted marks (of seven) and their writer").isEqualTo(ARTICLE + "/comments/" + discussed);
        assertThat(inFavour.text()).contains("For, say several people", "6 people took part", "4 replies");
    }

    private long thread(Reader writer, String discussion, String name, String body, String stance) {
        return postedId(writer.submit(writer.open(ARTICLE), "#reply-" + discussion, Map.of("name", name, "body", body, "stance", stance)));
    }

    private long reply(Reader writer, long parent, String body) {
        return postedId(writer.submit(writer.open(ARTICLE + "/comments/" + parent), "#reply-form", Map.of("body", body)));
    }

    private int mark(Reader marker, long id) {
        String token = marker.open(ARTICLE).selectFirst("input[name=form_token]").val();
        return marker.post(ARTICLE + "/comments/" + id + "/helpful", Map.of("helpful", "yes", "form_token", token)).statusCode();
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
