package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions kept before versions recorded the stance (migration 18) take their comment's stance as it stands, so
 * that no version claims a change of stance nobody can know was made.
 */
class RevisionStancesMigrationTest {

    @TempDir
    Path folder;

    @Test
    void versionsKeptBeforeStancesWereRecordedTakeTheirCommentsStance() throws SQLException {
        String url = "jdbc:sqlite:" + folder.resolve("roundtable.db");
        // A site as it stood before migration 18 (16 is the last version before it that every branch has), and what it
        // held, in raw SQL: today's code writes today's schema.
        Flyway.configure().dataSource(url, null, null)
                .locations(Dialect.of(url).migrationLocations().toArray(String[]::new))
                .target("16").load().migrate();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO articles (id, slug, title, author, byline, published_on, lead_markdown, closing_markdown, imported_at)
                    VALUES (1, 'a', 'A', 'Ali', 'By Ali', '2018-03-23', '', '', '2018-03-23 10:00:00')""");
            statement.execute("INSERT INTO discussions (id, article_id, discussion_key, position) VALUES (1, 1, 'proposal-1', 1)");
            statement.execute("""
                    INSERT INTO comments (id, discussion_id, root_id, author_name, body, created_at, edited_at, stance, stance_set_at)
                    VALUES (1, 1, 1, 'Sara', 'Now', '2026-01-01 10:00:00', '2026-01-01 10:05:00', 'for', '2026-01-01 10:05:00'),
                           (2, 1, 1, 'Omid', 'Reply, edited', '2026-01-01 10:01:00', '2026-01-01 10:02:00', NULL, NULL)""");
            statement.execute("""
                    INSERT INTO comment_revisions (comment_id, author_name, body, made_at, made_by)
                    VALUES (1, 'Sara', 'Then', '2026-01-01 10:00:00', 'author'), (1, 'Sara', 'Now', '2026-01-01 10:05:00', 'author'),
                           (2, 'Omid', 'Reply', '2026-01-01 10:01:00', 'author'),
                           (2, 'Omid', 'Reply, edited', '2026-01-01 10:02:00', 'author')""");
        }

        try (var database = Database.open(url, DatabaseTest.TIMEOUT)) {
            var stances = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT comment_id || ':' || COALESCE(stance, 'none') FROM comment_revisions ORDER BY id").mapTo(String.class).list());
            assertThat(stances).containsExactly("1:for", "1:for", "2:none", "2:none");
        }
    }
}
