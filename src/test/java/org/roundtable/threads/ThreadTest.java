package org.roundtable.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;
import static org.roundtable.Reader.postedId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** A reply chain twelve comments deep, built through the reply forms on each comment's own page. */
class ThreadTest {

    static final int CHAIN = 12;

    @TempDir
    static Path folder;
    static TestServer server;
    static Reader reader;
    static final List<Long> chain = new ArrayList<>();
    static final List<String> locations = new ArrayList<>();

    @BeforeAll
    static void postChain() {
        server = TestServer.start(folder);
        reader = server.reader();
        var first = reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", "level 0"));
        chain.add(postedId(first));
        locations.add(first.headers().firstValue("Location").orElseThrow());
        for (int level = 1; level < CHAIN; level++) {
            Document parentPage = reader.open(ARTICLE + "/comments/" + chain.get(level - 1));
            var reply = reader.submit(parentPage, "#reply-form", Map.of("body", "level " + level));
            chain.add(postedId(reply));
            locations.add(reply.headers().firstValue("Location").orElseThrow());
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDiscussionPageNestsSixLevelsThenContinuesOnTheCommentsOwnPage() {
        Document article = reader.open(ARTICLE);
        assertThat(article.selectFirst("#proposal-2-discussion-heading").text()).contains("(12 comments)");
        assertThat(article.getElementById("comment-" + chain.get(0)).selectFirst(".continue-thread a").text())
                .as("the article leaves the replies to the discussion's page, and counts those it shows")
                .isEqualTo((Threads.SHOWN_LEVELS - 1) + " replies →");
        Document page = reader.open(ARTICLE + "/discussions/proposal-2");
        Element discussion = page.getElementById("proposal-2-discussion");
        for (int level = 0; level < Threads.SHOWN_LEVELS; level++) {
            Element comment = page.getElementById("comment-" + chain.get(level));
            assertThat(comment).as("level %d", level).isNotNull();
            assertThat(comment.parents().stream().filter(e -> e.is("article.comment")))
                    .as("nesting of level %d", level).hasSize(level);
            assertThat(comment.selectFirst(".comment-body").text()).isEqualTo("level " + level);
        }
        assertThat(page.getElementById("comment-" + chain.get(Threads.SHOWN_LEVELS))).isNull();
        Element lastShown = page.getElementById("comment-" + chain.get(Threads.SHOWN_LEVELS - 1));
        assertThat(lastShown.selectFirst(".continue-thread a").attr("href"))
                .isEqualTo(ARTICLE + "/comments/" + chain.get(Threads.SHOWN_LEVELS - 1));
        assertThat(discussion.select(".continue-thread")).hasSize(1);
    }

    @Test
    void theContinuedThreadNestsAfreshAndContinuesAgain() {
        int from = Threads.SHOWN_LEVELS - 1;
        Document page = reader.open(ARTICLE + "/comments/" + chain.get(from));
        List<String> shown = page.select("article.comment .comment-body").eachText();
        List<String> expected = new ArrayList<>();
        for (int level = from; level < from + Threads.SHOWN_LEVELS; level++) {
            expected.add("level " + level);
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(page.selectFirst(".breadcrumbs").text()).contains("Proposal 2");
        assertThat(page.selectFirst(".breadcrumbs a[href$=comments/" + chain.get(from - 1) + "]")).isNotNull();

        String next = page.selectFirst(".continue-thread a").attr("href");
        assertThat(reader.open(next).select("article.comment .comment-body").eachText())
                .containsExactly("level 10", "level 11");
    }

    @Test
    void aReplyIsSentWhereItCanBeSeen() {
        for (int level = 0; level < CHAIN; level++) {
            String expected = level < Threads.SHOWN_LEVELS
                    ? ARTICLE + "/discussions/proposal-2?sort=oldest#comment-" + chain.get(level)
                    : ARTICLE + "/comments/" + chain.get(level - 1) + "#comment-" + chain.get(level);
            assertThat(locations.get(level)).as("level %d", level).isEqualTo(expected);
            String path = expected.substring(0, expected.indexOf('#'));
            assertThat(reader.open(path).getElementById("comment-" + chain.get(level))).as(expected).isNotNull();
        }
    }

    @Test
    void depthAndThreadRootAreStoredForEveryReply() {
        var rows = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT depth || ':' || (CASE WHEN root_id = :root THEN 1 ELSE 0 END) FROM comments WHERE root_id = :root ORDER BY depth")
                .bind("root", chain.get(0)).mapTo(String.class).list());
        assertThat(rows).hasSize(CHAIN);
        for (int level = 0; level < CHAIN; level++) {
            assertThat(rows.get(level)).isEqualTo(level + ":1");
        }
    }

    @Test
    void anUnknownOrMalformedCommentPageIsNotFound() {
        assertThat(reader.get(ARTICLE + "/comments/99999").statusCode()).isEqualTo(404);
        assertThat(reader.get(ARTICLE + "/comments/abc").statusCode()).isEqualTo(404);
        assertThat(reader.get("/articles/other/comments/" + chain.get(0)).statusCode()).isEqualTo(404);
    }
}
