package org.roundtable.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** Pages hold a bounded number of threads; the rest of a discussion is a page at a time on its own page. */
class DiscussionPagesTest {

    static final int THREADS = 45;

    @TempDir
    static Path folder;
    static TestServer server;
    static Reader reader;
    static final List<String> locations = new ArrayList<>();

    @BeforeAll
    static void discuss() {
        server = TestServer.start(folder);
        reader = server.reader();
        for (int i = 0; i < THREADS; i++) {
            var response = reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("body", "thread " + i));
            locations.add(response.headers().firstValue("Location").orElseThrow());
            if (i % 10 == 0) {
                long id = postedId(response);
                reader.submit(reader.open(ARTICLE + "/comments/" + id), "#reply-form", Map.of("body", "reply to " + i));
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theArticleShowsTheFirstPageOfThreadsAndLinksToTheRest() {
        Document page = reader.open(ARTICLE);
        var discussion = page.getElementById("proposal-1-discussion");
        assertThat(discussion.select(".threads > ol > li > article")).hasSize(ThreadPages.THREADS_PER_PAGE);
        assertThat(discussion.select(".comment-body").eachText()).startsWith("thread 0", "reply to 0", "thread 1");
        var more = discussion.selectFirst(".more-threads a");
        assertThat(more.text()).isEqualTo("Show all " + (THREADS + 5) + " comments →");
        assertThat(more.attr("href")).isEqualTo(ARTICLE + "/discussions/proposal-1?sort=oldest");
        assertThat(page.getElementById("proposal-2-discussion").select(".more-threads")).isEmpty();
    }

    @Test
    void theDiscussionPagesCoverEveryThreadOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String path = ARTICLE + "/discussions/proposal-1?sort=oldest";
        int pages = 0;
        while (path != null) {
            Document page = reader.open(path);
            pages++;
            page.select(".threads > ol > li > article > .comment-body").forEach(body -> seen.add(body.text()));
            var next = page.selectFirst("nav.pagination a:contains(Next page)");
            path = next == null ? null : next.attr("href").startsWith("/") ? next.attr("href") : ARTICLE + "/discussions/proposal-1" + next.attr("href");
        }
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            expected.add("thread " + i);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void newestFirstStartsWithTheLatestThread() {
        Document page = reader.open(ARTICLE + "/discussions/proposal-1?sort=newest");
        assertThat(page.select(".threads > ol > li > article > .comment-body").eachText())
                .startsWith("thread 44", "thread 43").hasSize(ThreadPages.THREADS_PER_PAGE);
        assertThat(page.selectFirst("h1").text()).startsWith("Proposal 1: Keep a balance");
    }

    @Test
    void aNewThreadBeyondTheFirstPageIsSentToItsOwnPage() {
        assertThat(locations.get(0)).matches(ARTICLE + "#comment-\\d+");
        String late = locations.get(THREADS - 1);
        long id = Long.parseLong(late.substring(late.lastIndexOf('-') + 1));
        assertThat(late).isEqualTo(ARTICLE + "/comments/" + id + "#comment-" + id);
    }

    @Test
    void badCursorsAndUnknownDiscussionsAreHandled() {
        assertThat(reader.get(ARTICLE + "/discussions/proposal-1?after=garbage").statusCode()).isEqualTo(200);
        assertThat(reader.get(ARTICLE + "/discussions/proposal-9").statusCode()).isEqualTo(404);
        assertThat(reader.get("/articles/nope/discussions/general").statusCode()).isEqualTo(404);
    }

    @Test
    void aPageOfThreadsIsOneQueryThatSeeksToItsCursor() {
        String after = plan(CommentRepository.AFTER_CURSOR + " ORDER BY r.created_at, r.id LIMIT 21");
        String before = plan(CommentRepository.BEFORE_CURSOR + " ORDER BY r.created_at DESC, r.id DESC LIMIT 21");
        System.out.println("Query plan for a page of threads:\n" + after + "\nnewest first:\n" + before);
        // A seek on created_at, not a walk over every root from the discussion's first: the same cost on any page.
        assertThat(after).contains("comments_thread_roots (discussion_id=? AND created_at>?)")
                .contains("comments_by_root").doesNotContain("SCAN");
        assertThat(before).contains("comments_thread_roots (discussion_id=? AND created_at<?)")
                .contains("comments_by_root").doesNotContain("SCAN");
    }

    /** The plan of a page's query, with the bound parameters the application binds. */
    private static String plan(String cursorAndOrder) {
        List<String> plan = server.jdbi().withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN SELECT "
                        + CommentRepository.COLUMNS + " FROM comments c WHERE c.root_id IN (" + CommentRepository.ROOTS
                        + cursorAndOrder + ") ORDER BY c.created_at, c.id")
                .bind("discussionId", 2).bind("viewerId", (Long) null)
                .bind("time", Instant.parse("2026-01-01T00:00:00Z")).bind("id", 1L)
                .map((rs, ctx) -> rs.getString("detail")).list());
        return String.join("\n", plan);
    }

    @Test
    void theStoredCountMatchesTheComments() {
        int stored = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT comment_count FROM discussions WHERE discussion_key = 'proposal-1'").mapTo(Integer.class).one());
        int counted = server.jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM comments c JOIN discussions d ON d.id = c.discussion_id
                 WHERE d.discussion_key = 'proposal-1' AND c.status = 'published'""").mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(counted).isEqualTo(THREADS + 5);
    }
}
