package org.roundtable.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestDatabases;
import org.roundtable.TestServer;
import org.roundtable.comment.ThreadOrder;

/** Pages hold a bounded number of threads; the rest of a discussion is a page at a time on its own page. */
class DiscussionPagesTest {

    static final int THREADS = 45;
    /** A step that reads the comments table row by row rather than seeking in an index. */
    static final String FULL_SCAN_OF_COMMENTS = "SCAN (r|c|comments)\\b(?! USING (COVERING )?INDEX)";

    @TempDir
    static Path folder;
    static TestServer server;
    static Reader reader;
    static final List<String> locations = new ArrayList<>();
    static long generalThread;

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
        generalThread = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "a general thread")));
        long answer = postedId(reader.submit(reader.open(ARTICLE + "/comments/" + generalThread), "#reply-form",
                Map.of("body", "a general answer")));
        reader.submit(reader.open(ARTICLE + "/comments/" + answer), "#reply-form", Map.of("body", "an answer to the answer"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theArticleShowsAShortPreviewOfEachProposalWithoutRepliesAndLinksToTheRest() {
        Document page = reader.open(ARTICLE);
        var discussion = page.getElementById("proposal-1-discussion");
        assertThat(discussion.select(".threads > ol > li > article")).hasSize(ThreadPages.PREVIEW_THREADS);
        assertThat(discussion.select(".threads > ol > li > article > .comment-body").eachText())
                .containsExactly("thread 0", "thread 1", "thread 2");
        var more = discussion.selectFirst(".more-threads a");
        assertThat(more.text()).isEqualTo("Read all " + (THREADS + 5) + " comments on proposal 1 →");
        assertThat(more.attr("href")).isEqualTo(ARTICLE + "/discussions/proposal-1");
        assertThat(discussion.selectFirst("details.compose:not([open]) > summary").text()).isEqualTo("Write a comment on proposal 1");
        assertThat(page.select(".sort")).as("the article has no order of its own to choose").isEmpty();
    }

    @Test
    void theArticleLeavesRepliesToTheDiscussionPagesAndLinksToEachThreadWithItsReplyCount() {
        Document article = reader.open(ARTICLE);
        String text = article.text();
        assertThat(text).contains("thread 0", "a general thread")
                .doesNotContain("reply to 0", "a general answer", "an answer to the answer");
        assertThat(article.select("details.replies-toggle")).isEmpty();

        var proposalThread = article.select("#proposal-1-discussion .threads > ol > li > article").first();
        var toProposalReplies = proposalThread.selectFirst("> .continue-thread a");
        assertThat(toProposalReplies.text()).isEqualTo("1 reply →");
        assertThat(toProposalReplies.attr("href")).isEqualTo(ARTICLE + "/discussions/proposal-1#" + proposalThread.id());
        var toGeneralReplies = article.getElementById("comment-" + generalThread).selectFirst("> .continue-thread a");
        assertThat(toGeneralReplies.text()).isEqualTo("2 replies →");
        assertThat(toGeneralReplies.attr("href")).isEqualTo(ARTICLE + "/discussions/general#comment-" + generalThread);
        assertThat(article.select(".continue-thread a")).as("threads without replies have no link").hasSize(2);

        assertThat(repliesWhereTheLinkLeads(toProposalReplies)).containsExactly("1 reply", "reply to 0");
        assertThat(repliesWhereTheLinkLeads(toGeneralReplies))
                .containsExactly("2 replies", "a general answer", "an answer to the answer");
    }

    /** The disclosure's summary, then the replies it holds, in the thread on the page {@code link} leads to. */
    private static List<String> repliesWhereTheLinkLeads(Element link) {
        String href = link.attr("href");
        Document page = reader.open(href.substring(0, href.indexOf('#')));
        var replies = page.getElementById(href.substring(href.indexOf('#') + 1)).selectFirst("> details.replies-toggle[open]");
        List<String> shown = new ArrayList<>(List.of(replies.selectFirst("summary").text()));
        shown.addAll(replies.select(".comment-body").eachText());
        return shown;
    }

    @Test
    void theDiscussionPagesCoverEveryThreadOnceInOrderForwardAndBack() {
        List<String> seen = new ArrayList<>();
        String path = ARTICLE + "/discussions/proposal-1";
        List<String> counts = new ArrayList<>();
        String last = null;
        while (path != null) {
            Document page = reader.open(path);
            last = path;
            counts.add(page.selectFirst(".page-count").text());
            seen.addAll(topLevel(page));
            assertThat(page.select("details.replies-toggle:not([open])")).as("replies open on a discussion's pages").isEmpty();
            var next = page.selectFirst("nav.pagination a[rel=next]");
            path = next == null ? null : next.attr("href");
        }
        assertThat(counts).containsExactly("Page 1 of 3", "Page 2 of 3", "Page 3 of 3");
        assertThat(seen).isEqualTo(threads(0, THREADS));

        List<String> backwards = new ArrayList<>();
        for (path = last; path != null; ) {
            Document page = reader.open(path);
            backwards.addAll(0, topLevel(page));
            var previous = page.selectFirst("nav.pagination a[rel=prev]");
            path = previous == null ? null : previous.attr("href");
        }
        assertThat(backwards).isEqualTo(seen);
    }

    /** Page, order and stance links land at the list of threads, past the search, heading, tally and proposal. */
    @Test
    void pageOrderAndStanceLinksLandAtTheListOfThreads() {
        Document first = reader.open(ARTICLE + "/discussions/proposal-1");
        var list = first.getElementById("threads");
        assertThat(list.select(".threads article.comment")).isNotEmpty();
        assertThat(list.select(".sort, nav.pagination")).hasSize(3);
        var links = new ArrayList<String>();
        links.addAll(first.select("nav.pagination a").eachAttr("href"));
        links.addAll(first.select(".sort a").eachAttr("href"));
        links.addAll(first.select(".stance-filter a").eachAttr("href"));
        assertThat(links).hasSizeGreaterThan(10).allMatch(href -> href.endsWith("#threads"));

        Document against = reader.open(first.selectFirst(".stance-filter a[href*=stance=against]").attr("href"));
        assertThat(against.selectFirst("#threads > .filter-notice").text()).contains("against this proposal");
    }

    @Test
    void pageNumbersLeadStraightToTheirPage() {
        Document first = reader.open(ARTICLE + "/discussions/proposal-1");
        var links = first.selectFirst("nav.pagination");
        assertThat(links.select("[aria-current=page]").text()).isEqualTo("1");
        Document third = reader.open(links.selectFirst("a[aria-label='Page 3']").attr("href"));
        assertThat(topLevel(third)).isEqualTo(threads(40, THREADS));
        assertThat(third.selectFirst(".page-count").text()).isEqualTo("Page 3 of 3");
        Document second = reader.open(third.selectFirst("nav.pagination a[aria-label='Page 2']").attr("href"));
        assertThat(topLevel(second)).isEqualTo(threads(20, 40));
    }

    @Test
    void aLinkWithoutAPageNumberIsNumberedByCounting() {
        String third = reader.open(ARTICLE + "/discussions/proposal-1").selectFirst("nav.pagination a[aria-label='Page 3']").attr("href");
        Document unnumbered = reader.open(third.replaceFirst("&page=3", ""));
        assertThat(unnumbered.selectFirst(".page-count").text()).isEqualTo("Page 3 of 3");
        assertThat(topLevel(unnumbered)).isEqualTo(threads(40, THREADS));
    }

    @Test
    void newestFirstStartsWithTheLatestThreadAndChangesNoOtherDiscussion() {
        Document page = reader.open(ARTICLE + "/discussions/proposal-1?sort=newest");
        assertThat(topLevel(page)).startsWith("thread 44", "thread 43").hasSize(ThreadPages.THREADS_PER_PAGE);
        assertThat(page.selectFirst("h1").text()).startsWith("Proposal 1: Keep a balance");
        assertThat(page.select("form.comment-form input[name=sort]").eachAttr("value")).containsOnly("newest");
        Document last = reader.open(page.selectFirst("nav.pagination a[aria-label='Page 3']").attr("href"));
        assertThat(topLevel(last)).containsExactly("thread 4", "thread 3", "thread 2", "thread 1", "thread 0");
        assertThat(topLevel(reader.open(ARTICLE + "/discussions/proposal-2"))).isEmpty();
    }

    @Test
    void aNewThreadLandsOnTheDiscussionPageThatShowsIt() {
        assertThat(locations.get(0)).matches(ARTICLE + "/discussions/proposal-1\\?sort=oldest#comment-\\d+");
        String late = locations.get(THREADS - 1);
        assertThat(late).matches(ARTICLE + "/discussions/proposal-1\\?sort=oldest&page=3&after=\\d+\\.\\d+#comment-\\d+");
        Document landed = reader.open(late.substring(0, late.indexOf('#')));
        assertThat(landed.getElementById(late.substring(late.indexOf('#') + 1)).selectFirst(".comment-body").text())
                .isEqualTo("thread 44");
    }

    @Test
    void aReplyDeepInALongDiscussionLandsOnThePageOfItsThread() {
        List<Long> roots = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            roots.add(postedId(reader.submit(reader.open(ARTICLE + "/discussions/proposal-3"), "#reply-proposal-3-top",
                    Map.of("body", "long thread " + i))));
        }
        for (int thread : new int[] {5, 45, 85}) {
            var reply = reader.submit(reader.open(ARTICLE + "/comments/" + roots.get(thread)), "#reply-form",
                    Map.of("body", "answer to " + thread));
            String location = reply.headers().firstValue("Location").orElseThrow();
            int page = thread / ThreadPages.THREADS_PER_PAGE + 1;
            assertThat(location).contains(page == 1 ? "?sort=oldest#comment-" : "&page=" + page + "&");
            Document landed = reader.open(location.substring(0, location.indexOf('#')));
            assertThat(landed.getElementById(location.substring(location.indexOf('#') + 1)).text()).contains("answer to " + thread);
            assertThat(landed.selectFirst(".page-count").text()).isEqualTo("Page " + (thread / 20 + 1) + " of 5");
        }
    }

    @Test
    void postingFromADiscussionPageLandsBackOnItInItsOrder() {
        Document newest = reader.open(ARTICLE + "/discussions/proposal-2?sort=newest");
        var response = reader.submit(newest, "#reply-proposal-2-top", Map.of("body", "from the page, newest first"));
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(ARTICLE + "/discussions/proposal-2?sort=newest#comment-");
    }

    private static List<String> topLevel(Document page) {
        return page.select(".threads > ol > li > article > .comment-body").eachText();
    }

    private static List<String> threads(int from, int to) {
        List<String> expected = new ArrayList<>();
        for (int i = from; i < to; i++) {
            expected.add("thread " + i);
        }
        return expected;
    }

    @Test
    void badCursorsAndUnknownDiscussionsAreHandled() {
        assertThat(reader.get(ARTICLE + "/discussions/proposal-1?after=garbage").statusCode()).isEqualTo(200);
        assertThat(reader.get(ARTICLE + "/discussions/proposal-9").statusCode()).isEqualTo(404);
        assertThat(reader.get("/articles/nope/discussions/general").statusCode()).isEqualTo(404);
    }

    @Test
    void aPageOfThreadsIsOneQueryThatSeeksToItsCursor() {
        assumeFalse(TestDatabases.onPostgresql(), "these are SQLite's query plans");
        String after = plan(ThreadOrder.OLDEST_FIRST);
        String before = plan(ThreadOrder.NEWEST_FIRST);
        System.out.println("Query plan for a page of threads:\n" + after + "\nnewest first:\n" + before);
        // A seek on created_at, not a walk over every root from the discussion's first: the same cost on any page.
        assertThat(after).contains("COVERING INDEX comments_thread_roots_visible (discussion_id=? AND created_at>?)")
                .contains("comments_by_root").doesNotContain("SCAN");
        assertThat(before).contains("COVERING INDEX comments_thread_roots_visible (discussion_id=? AND created_at<?)")
                .contains("comments_by_root").doesNotContain("SCAN");
    }

    @Test
    void aPageInTheTopOrderReadsTheHelpfulIndexNotEveryThread() {
        assumeFalse(TestDatabases.onPostgresql(), "these are SQLite's query plans");
        String top = plan(ThreadOrder.MOST_HELPFUL_FIRST);
        System.out.println("Query plan for a page of threads, most helpful first:\n" + top);
        // The roots are read in order from the index (only the page's comments are sorted afterwards, as in every order).
        assertThat(top).contains("SEARCH r USING INDEX comments_roots_by_helpful (discussion_id=?)").contains("comments_by_root")
                .doesNotContainPattern("comments_roots_by_helpful[^\n]*\nUSE TEMP B-TREE");
    }

    /** The plan of a page's query in {@code order}, with the bound parameters the application binds. */
    private static String plan(ThreadOrder order) {
        return plan("threads", order, Map.of("discussionId", 2, "time", Instant.parse("2026-01-01T00:00:00Z"), "id", 1L,
                "helpful", 3, "limit", 21));
    }

    /**
     * SQLite's plan of the production query of {@code ThreadRepository.methodName} (its {@code @SqlQuery}, as the
     * application runs it), in {@code order}, with every thread shown (no stance filter), for a reader with no
     * comments of their own.
     */
    private static String plan(String methodName, ThreadOrder order, Map<String, Object> parameters) {
        Method method = Arrays.stream(ThreadRepository.class.getMethods())
                .filter(m -> m.getName().equals(methodName) && m.isAnnotationPresent(SqlQuery.class)).findFirst().orElseThrow();
        List<String> plan = server.jdbi().withHandle(h -> {
            var query = h.createQuery("EXPLAIN QUERY PLAN " + method.getAnnotation(SqlQuery.class).value())
                    .define("seek", ThreadRepository.seek(order)).define("orderBy", ThreadRepository.orderBy(order))
                    .define("stanceFilter", "").bind("viewerId", (Long) null);
            parameters.forEach(query::bind);
            return query.map((rs, ctx) -> rs.getString("detail")).list();
        });
        return String.join("\n", plan);
    }

    @Test
    void pageLinksSeekToTheirThreadsToo() {
        assumeFalse(TestDatabases.onPostgresql(), "these are SQLite's query plans");
        String plan = plan("roots", ThreadOrder.OLDEST_FIRST, Map.of("discussionId", 2,
                "time", Instant.parse("2026-01-01T00:00:00Z"), "id", 1L, "helpful", 0, "limit", 41, "offset", 0));
        // Production reads each root's helpful count too, which the covering index does not hold: it seeks in the
        // thread-roots index and reads those few dozen rows (a hand-written copy of the query once claimed more).
        assertThat(plan).containsPattern("SEARCH r USING (COVERING )?INDEX comments_thread_roots\\w* \\(discussion_id=\\? AND created_at>\\?\\)")
                .doesNotContain("TEMP B-TREE").doesNotContainPattern(FULL_SCAN_OF_COMMENTS);
    }

    @Test
    void countingTheThreadsBeforeOneReadsOneIndexAlone() {
        assumeFalse(TestDatabases.onPostgresql(), "these are SQLite's query plans");
        String plan = plan("countRoots", ThreadOrder.NEWEST_FIRST, Map.of("discussionId", 2,
                "time", Instant.parse("2026-01-01T00:00:00Z"), "id", 1L, "helpful", 0, "limit", Integer.MAX_VALUE));
        System.out.println("Query plan for counting the threads before one:\n" + plan);
        // Every step that reads comments reads the covering index, seeking to the cursor: never the table, never a sort.
        assertThat(plan).contains("SEARCH r USING COVERING INDEX comments_thread_roots_visible (discussion_id=? AND created_at<?)")
                .doesNotContain("TEMP B-TREE").doesNotContainPattern(FULL_SCAN_OF_COMMENTS);
        assertThat(plan.lines().filter(line -> line.contains(" r ") || line.endsWith(" r"))).allMatch(line -> line.contains("COVERING INDEX"));
    }

    @Test
    void theStoredCountsMatchTheComments() {
        int threads = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT thread_count FROM discussions WHERE discussion_key = 'proposal-1'").mapTo(Integer.class).one());
        assertThat(threads).isEqualTo(THREADS);
        int stored = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT comment_count FROM discussions WHERE discussion_key = 'proposal-1'").mapTo(Integer.class).one());
        int counted = server.jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM comments c JOIN discussions d ON d.id = c.discussion_id
                 WHERE d.discussion_key = 'proposal-1' AND c.status = 'published'""").mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(counted).isEqualTo(THREADS + 5);
    }
}
