package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestDatabases;
import org.roundtable.TestServer;

/**
 * Roundtable on a real PostgreSQL server, started by the test from binaries on Maven Central, a fresh database
 * for each test: the same migrations (PostgreSQL's own up to version 6, the shared ones after), pages, posting.
 */
class PostgresTest {

    @TempDir
    Path folder;

    @Test
    void theForumRunsOnPostgresqlAndSaysSo() {
        String url = TestDatabases.freshPostgresql();
        try (var server = TestServer.start(TestServer.config(folder, Map.of("DATABASE_URL", url)))) {
            Reader reader = server.reader();
            var posted = reader.submit(reader.open(ARTICLE), "#reply-proposal-1",
                    Map.of("name", "Parisa", "body", "Kept by PostgreSQL"));
            assertThat(posted.statusCode()).isEqualTo(303);
            Document landed = reader.follow(posted);
            assertThat(landed.select("article.comment .comment-body").eachText()).contains("Kept by PostgreSQL");
            var reply = reader.submit(reader.open(ARTICLE + "/comments/" + Reader.postedId(posted)), "#reply-form",
                    Map.of("body", "And a reply"));
            assertThat(reply.statusCode()).isEqualTo(303);
            assertThat(server.reader().open(ARTICLE + "/discussions/proposal-1").text())
                    .contains("Kept by PostgreSQL", "And a reply", "(2 comments)");
            assertThat(server.reader().get("/health").body()).contains("\"engine\":\"postgresql\"");
        }
    }

    @Test
    void theUrlHostingPlatformsHandOutIsUnderstood() {
        String jdbc = TestDatabases.freshPostgresql();
        String name = jdbc.substring(jdbc.lastIndexOf('/') + 1, jdbc.indexOf('?'));
        String url = "postgres://postgres:@localhost:" + TestDatabases.server().getPort() + "/" + name;
        try (var database = Database.open(url, Duration.ofSeconds(5))) {
            assertThat(database.engine()).isEqualTo("postgresql");
            assertThat(database.isMigrated()).isTrue();
        }
    }

    @Test
    void backupsOnPostgresqlAreLeftToItsOwnTools() {
        try (var database = Database.open(TestDatabases.freshPostgresql(), Duration.ofSeconds(5))) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> database.backupTo(folder.resolve("copy"))))
                    .isInstanceOf(BackupsElsewhere.class).hasMessageContaining("pg_dump");
        }
    }
}
