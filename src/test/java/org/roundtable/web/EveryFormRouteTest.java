package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/**
 * Gates belong to the pipeline, not to a route: every POST route the application registers — including one
 * added after this test was written — refuses a form sent from another site, however valid its token, and
 * nothing it would write is written. Walks Javalin's own route table.
 */
class EveryFormRouteTest {

    static final String PASSWORD = "correct horse battery";

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
    void everyPostRouteRefusesAFormFromAnotherSite() {
        // A moderator who has also posted: every route is open to them, given a form from the site itself.
        Reader person = server.moderator("admin", PASSWORD);
        long id = Reader.postedId(person.submit(person.open(ARTICLE), "#reply-general", Map.of("body", "Mine")));
        String token = person.open(ARTICLE).selectFirst("#reply-general input[name=form_token]").val();
        long rowsBefore = rowsWritten();

        List<String> posts = server.routes().stream().filter(route -> route.startsWith("POST ")).map(route -> route.substring(5)).toList();
        assertThat(posts).hasSizeGreaterThan(20).contains("/articles/{slug}/preview", "/articles/{slug}/comments");
        for (String pattern : posts) {
            String path = pattern.replace("{slug}", ARTICLE.substring("/articles/".length())).replace("{id}", Long.toString(id))
                    .replace("{token}", "a".repeat(43));
            var answer = person.post(path, Map.of("form_token", token, "discussion", "general", "body", "*From elsewhere*",
                    "reason", "spam", "helpful", "yes", "name", "x", "username", "admin", "password", PASSWORD,
                    "decision", "delete", "confirmed", "yes"), Map.of("Origin", "https://elsewhere.example"));
            assertThat(answer.statusCode()).as("POST " + pattern).isIn(403, 404);
            assertThat(answer.body()).as("POST " + pattern).doesNotContain("<em>From elsewhere</em>");
        }
        assertThat(rowsWritten()).as("rows written by refused forms").isEqualTo(rowsBefore);
    }

    private long rowsWritten() {
        return server.jdbi().withHandle(h -> h.createQuery("""
                SELECT (SELECT COUNT(*) FROM comments) + (SELECT COUNT(*) FROM reports) + (SELECT COUNT(*) FROM helpful_votes)
                     + (SELECT COUNT(*) FROM authors) + (SELECT COUNT(*) FROM bans) + (SELECT COUNT(*) FROM audit_log)
                     + (SELECT COUNT(*) FROM blocklist) + (SELECT COUNT(*) FROM moderators)""").mapTo(Long.class).one());
    }
}
