package org.roundtable.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.TestServer;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.author.AuthorRepository;
import org.roundtable.comment.CommentRepository;

/**
 * What a post and a returning author's page view ask of the database is an index lookup bounded by time,
 * status or key, never a walk through everything an author or an address ever posted: SQLite's own plan of
 * each query, with parameters bound as the application binds them.
 */
class PostingChecksPlanTest {

    /** A table read from end to end; "SCAN CONSTANT ROW" is only the SELECT around an EXISTS. */
    static final String FULL_SCAN = "SCAN (?!CONSTANT ROW)";
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() {
        assumeFalse(TestDatabases.onPostgresql(), "these are SQLite's query plans");
        server = TestServer.start(folder);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void duplicatesAreLookedUpByTheirOpeningWordsWithinTheWindow() {
        assertThat(plan(CommentRepository.class, "duplicateExists", Map.of("discussionId", 1L, "authorId", 1L,
                "ipHash", "h", "body", "words", "since", NOW)))
                .contains("USING INDEX comments_duplicates").doesNotContainPattern(FULL_SCAN);
    }

    @Test
    void whetherACommentIsAnAuthorsFirstReadsAtMostTwoEntries() {
        assertThat(plan(CommentRepository.class, "hasOtherComments", Map.of("authorId", 1L, "commentId", 2L)))
                .contains("comments_by_author").doesNotContainPattern(FULL_SCAN);
        assertThat(plan(CommentRepository.class, "hasPublished", Map.of("authorId", 1L)))
                .contains("comments_by_author_status").doesNotContainPattern(FULL_SCAN);
    }

    @Test
    void aReturningAuthorsPageLooksOnlyAtHeldAndRecentComments() {
        String plan = plan(AuthorRepository.class, "hasOwnCommentsShowing", Map.of("viewerId", 1L,
                "articleSlug", "a", "editableSince", NOW));
        assertThat(plan).contains("comments_by_author_status (author_id=? AND status=?)")
                .contains("comments_by_author_status (author_id=? AND status=? AND created_at>?)").doesNotContainPattern(FULL_SCAN);
    }

    @Test
    void floodControlReadsOneRowPerBrowserAndAddress() {
        assertThat(plan(PostQuotas.class, "find", Map.of("key", "author:1"))).contains("USING INDEX").doesNotContainPattern(FULL_SCAN);
    }

    private static String plan(Class<?> repository, String methodName, Map<String, Object> parameters) {
        Method method = Arrays.stream(repository.getMethods()).filter(m -> m.getName().equals(methodName)).findFirst().orElseThrow();
        String sql = method.getAnnotation(SqlQuery.class).value();
        List<String> plan = server.jdbi().withHandle(h -> {
            var query = h.createQuery("EXPLAIN QUERY PLAN " + sql);
            parameters.forEach(query::bind);
            return query.map((rs, ctx) -> rs.getString("detail")).list();
        });
        return String.join("\n", plan);
    }
}
