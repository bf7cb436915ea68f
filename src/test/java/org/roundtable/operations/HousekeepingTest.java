package org.roundtable.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.app.Config;
import org.roundtable.Reader;
import org.roundtable.TestDatabases;
import org.roundtable.TestServer;
import org.roundtable.antispam.FloodControl;
import org.roundtable.db.GroupCommitWriter;

/** Rows that decide nothing any more go once an hour, exactly those, a bounded number a run; on either engine. */
class HousekeepingTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    TestServer server;
    GroupCommitWriter writer;
    Housekeeping housekeeping;
    Instant now;

    @BeforeEach
    void start() {
        Config config = TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD, "FLOOD_MIN_INTERVAL_SECONDS", "120",
                "ADMIN_IDLE_MINUTES", "60"));
        server = TestServer.start(config);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        writer = new GroupCommitWriter(server.database());
        housekeeping = new Housekeeping(server.jdbi(), writer, new FloodControl(config.spamRules(), Clock.systemUTC()),
                config.adminIdleTimeout(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        housekeeping.close();
        writer.close();
        server.close();
    }

    @Test
    void exactlyTheStaleQuotasFailuresSessionsUnusedAuthorsAndReplacedLinksGo() {
        Reader poster = server.reader();
        long commentId = postedId(poster.submit(poster.open(ARTICLE), "#reply-general", Map.of("name", "Sara", "body", "Kept")));
        server.moderator("admin", PASSWORD);
        execute("DELETE FROM post_quotas");
        execute("DELETE FROM login_failures");

        quota("author:1", ago(Duration.ofMinutes(120)), ago(Duration.ofMinutes(90)));
        quota("marks:author:2", ago(Duration.ofMinutes(61)), ago(Duration.ofMinutes(61)));
        quota("address:interval-not-over", ago(Duration.ofMinutes(120)), ago(Duration.ofMinutes(1)));
        quota("address:hour-not-over", ago(Duration.ofMinutes(30)), ago(Duration.ofMinutes(20)));
        long oldFailure = failure(ago(Duration.ofMinutes(16)));
        long freshFailure = failure(ago(Duration.ofMinutes(14)));
        session("idle", ago(Duration.ofMinutes(61)));
        session("recent", ago(Duration.ofMinutes(59)));

        long posterId = one("SELECT author_id FROM comments WHERE id = " + commentId);
        execute("UPDATE authors SET created_at = :at WHERE id = " + posterId, ago(Duration.ofDays(2)));
        long unusedOld = author("unused-old", ago(Duration.ofHours(25)));
        long unusedFresh = author("unused-fresh", ago(Duration.ofHours(23)));
        long marker = author("marker", ago(Duration.ofDays(2)));
        execute("INSERT INTO helpful_votes (comment_id, author_id, created_at) VALUES (" + commentId + ", " + marker + ", :at)", now);
        long reporter = author("reporter", ago(Duration.ofDays(2)));
        execute("INSERT INTO reports (comment_id, author_id, reason, created_at) VALUES (" + commentId + ", " + reporter + ", 'spam', :at)", now);
        long banned = author("banned", ago(Duration.ofDays(2)));
        execute("INSERT INTO bans (author_id, reason, created_at) VALUES (" + banned + ", 'rude', :at)", now);
        long standing = author("standing", ago(Duration.ofDays(2)));
        execute("INSERT INTO stances (discussion_id, author_id, comment_id, stance) SELECT discussion_id, " + standing + ", id, 'for'"
                + " FROM comments WHERE id = " + commentId);

        execute("INSERT INTO retired_private_links (manage_token_hash, retired_at) VALUES ('replaced-long-ago', :at)",
                ago(Duration.ofDays(31)));
        execute("INSERT INTO retired_private_links (manage_token_hash, retired_at) VALUES ('replaced-lately', :at)",
                ago(Duration.ofDays(29)));

        Housekeeping.Pruned pruned = housekeeping.run();

        assertThat(pruned).isEqualTo(new Housekeeping.Pruned(2, 1, 1, 1, 1));
        assertThat(strings("SELECT manage_token_hash FROM retired_private_links")).containsExactly("replaced-lately");
        assertThat(strings("SELECT quota_key FROM post_quotas ORDER BY quota_key"))
                .containsExactly("address:hour-not-over", "address:interval-not-over");
        assertThat(longs("SELECT id FROM login_failures")).containsExactly(freshFailure).doesNotContain(oldFailure);
        assertThat(strings("SELECT id_hash FROM moderator_sessions")).contains("recent").doesNotContain("idle").hasSize(2);
        assertThat(longs("SELECT id FROM authors ORDER BY id"))
                .containsExactlyInAnyOrder(posterId, unusedFresh, marker, reporter, banned, standing)
                .doesNotContain(unusedOld);
        assertThat(poster.open(ARTICLE).getElementById("comment-" + commentId)).as("the poster is still recognised").isNotNull();
    }

    @Test
    void aRunForgetsAtMostTenThousandRowsOfATableAndTheNextOneTheRest() {
        execute("""
                INSERT INTO login_failures (username, ip_hash, failed_at)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10500)
                SELECT 'admin', 'guesser', :at FROM n""", ago(Duration.ofHours(1)));

        assertThat(housekeeping.run().loginFailures()).isEqualTo(Housekeeping.MOST_PER_TABLE);
        assertThat(one("SELECT COUNT(*) FROM login_failures")).isEqualTo(500);
        assertThat(housekeeping.run().loginFailures()).isEqualTo(500);
        assertThat(one("SELECT COUNT(*) FROM login_failures")).isZero();
    }

    /** A migration that adds a table referring to authors must teach housekeeping to ask it too (StaleRows). */
    @Test
    void everyTableReferringToAuthorsIsAsked() {
        String referring = TestDatabases.onPostgresql()
                ? """
                  SELECT DISTINCT t.relname FROM pg_constraint c
                    JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
                   WHERE c.contype = 'f' AND r.relname = 'authors'"""
                : """
                  SELECT DISTINCT m.name FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
                   WHERE m.type = 'table' AND f."table" = 'authors'""";
        assertThat(strings(referring)).containsExactlyInAnyOrder("comments", "helpful_votes", "reports", "bans", "stances");
        for (String table : strings(referring)) {
            assertThat(StaleRows.UNUSED_AUTHOR).contains("FROM " + table + " ");
        }
    }

    @Test
    void theScheduleRunsWhileTheServerDoesAndStopsWithIt() throws InterruptedException {
        assertThat(housekeepingThreads()).isPositive();
        long before = housekeepingThreads();
        server.close();
        for (int i = 0; i < 50 && housekeepingThreads() >= before; i++) {
            Thread.sleep(100);
        }
        assertThat(housekeepingThreads()).isEqualTo(before - 1);
        server = TestServer.start(folder);
    }

    private static long housekeepingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("roundtable-housekeeping")).count();
    }

    private Instant ago(Duration duration) {
        return now.minus(duration);
    }

    private void quota(String key, Instant hourStartedAt, Instant lastPostAt) {
        server.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO post_quotas (quota_key, last_post_at, hour_started_at, posts_this_hour)
                        VALUES (:key, :last, :hour, 3)""")
                .bind("key", key).bind("last", lastPostAt).bind("hour", hourStartedAt).execute());
    }

    private long failure(Instant at) {
        return server.jdbi().withHandle(h -> h.createQuery(
                        "INSERT INTO login_failures (username, ip_hash, failed_at) VALUES ('admin', 'guesser', :at) RETURNING id")
                .bind("at", at).mapTo(Long.class).one());
    }

    private void session(String idHash, Instant lastSeenAt) {
        server.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO moderator_sessions (id_hash, moderator_id, csrf_token, created_at, last_seen_at)
                        SELECT :idHash, id, 'csrf', :at, :at FROM moderators""")
                .bind("idHash", idHash).bind("at", lastSeenAt).execute());
    }

    private long author(String publicId, Instant createdAt) {
        return server.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO authors (public_id, manage_token_hash, created_at) VALUES (:publicId, :publicId, :at)
                        RETURNING id""")
                .bind("publicId", publicId).bind("at", createdAt).mapTo(Long.class).one());
    }

    private void execute(String sql) {
        server.jdbi().useHandle(h -> h.execute(sql));
    }

    private void execute(String sql, Instant at) {
        server.jdbi().useHandle(h -> h.createUpdate(sql).bind("at", at).execute());
    }

    private long one(String sql) {
        return server.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private List<Long> longs(String sql) {
        return server.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).list());
    }

    private List<String> strings(String sql) {
        return server.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
