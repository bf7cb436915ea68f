package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void aCommentPostedThroughOneInstanceReachesTheOthersCachedPageWithinASecond() throws InterruptedException {
        String url = TestDatabases.freshPostgresql();
        try (var first = TestServer.start(TestServer.config(folder.resolve("first"), Map.of("DATABASE_URL", url)));
             var second = TestServer.start(TestServer.config(folder.resolve("second"), Map.of("DATABASE_URL", url)))) {
            String cached = second.get(ARTICLE).headers().firstValue("ETag").orElseThrow();
            assertThat(second.get(ARTICLE).headers().firstValue("ETag")).hasValue(cached);

            Reader author = first.reader();
            author.submit(author.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Said on the first instance"));
            long postedAt = System.nanoTime();
            while (!second.get(ARTICLE).body().contains("Said on the first instance")) {
                assertThat(Duration.ofNanos(System.nanoTime() - postedAt)).isLessThan(Duration.ofSeconds(1));
                Thread.sleep(20);
            }
        }
    }

    @Test
    void instancesHearEachOthersChangesButNotTheirOwn() throws InterruptedException {
        try (var database = Database.open(TestDatabases.freshPostgresql(), Duration.ofSeconds(5));
             var here = database.changeBroadcast();
             var there = database.changeBroadcast()) {
            var heardHere = new java.util.concurrent.LinkedBlockingQueue<String>();
            var heardThere = new java.util.concurrent.LinkedBlockingQueue<String>();
            here.listen(heardHere::add, () -> heardHere.add("missed"));
            there.listen(heardThere::add, () -> heardThere.add("missed"));
            Thread.sleep(300); // both are listening

            here.announce("an-article");
            here.announce("an-article");
            assertThat(heardThere.poll(1, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("an-article");
            Thread.sleep(300);
            assertThat(heardThere).isEmpty();
            assertThat(heardHere).isEmpty();
        }
    }

    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabaseBothComeUp() throws Exception {
        var env = Map.of("DATABASE_URL", TestDatabases.freshPostgresql(), "ADMIN_PASSWORD", "a shared admin password");
        ExecutorService starting = Executors.newFixedThreadPool(2);
        Future<TestServer> first = starting.submit(() -> TestServer.start(TestServer.config(folder.resolve("first"), env)));
        Future<TestServer> second = starting.submit(() -> TestServer.start(TestServer.config(folder.resolve("second"), env)));
        starting.shutdown();
        try (var one = first.get(); var other = second.get()) {
            assertThat(one.get(ARTICLE).statusCode()).isEqualTo(200);
            assertThat(other.get(ARTICLE).statusCode()).isEqualTo(200);
            String stored = one.jdbi().withHandle(h -> h.createQuery(
                    "SELECT (SELECT COUNT(*) FROM articles) || '/' || (SELECT COUNT(*) FROM moderators)"
                            + " || '/' || (SELECT COUNT(*) FROM settings WHERE name = 'secret_key')")
                    .mapTo(String.class).one());
            assertThat(stored).as("articles/moderators/secrets").isEqualTo("1/1/1");
            one.moderator("admin", "a shared admin password");
            other.moderator("admin", "a shared admin password");
        }
    }

    @Test
    void aDatabaseThatGoesAwayGives503sWithTheTextKeptAndTheSiteRecoversByItself() throws Exception {
        Path data = folder.resolve("postgresql-data");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = startPostgresql(data, port);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (var server = TestServer.start(TestServer.config(folder.resolve("site"), Map.of("DATABASE_URL", url)))) {
            Reader reader = server.reader();
            Document page = reader.open(ARTICLE);
            postgres.close();

            var refused = reader.submit(page, "#reply-proposal-1", Map.of("body", "Typed while the database was away"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Reader.parse(refused).select("textarea[name=body]").eachText()).contains("Typed while the database was away");
            assertThat(server.get("/health").statusCode()).isEqualTo(503);

            postgres = startPostgresql(data, port);
            var posted = reader.submit(Reader.parse(refused), "form.kept-text", Map.of());
            assertThat(posted.statusCode()).as("sent again from the error page, no restart needed").isEqualTo(303);
            assertThat(reader.follow(posted).select(".comment-body").eachText()).contains("Typed while the database was away");
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    /** A PostgreSQL server of this test's own, which it can stop and start again on the same files and port. */
    private static EmbeddedPostgres startPostgresql(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
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
