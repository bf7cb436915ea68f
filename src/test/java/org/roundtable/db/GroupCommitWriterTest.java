package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {

    @TempDir
    Path folder;

    private Database database;
    private GroupCommitWriter writer;
    private final ExecutorService posters = Executors.newFixedThreadPool(32);

    @BeforeEach
    void open() {
        database = Database.open(url(), DatabaseTest.TIMEOUT);
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
        writer = new GroupCommitWriter(database);
    }

    @AfterEach
    void close() {
        posters.shutdownNow();
        writer.close();
        database.close();
    }

    @Test
    void aWriteIsCommittedBeforeItReturns() throws SQLException {
        writer.write(session -> insert(session, "durable"));
        try (var other = DriverManager.getConnection(url());
             var result = other.createStatement().executeQuery("SELECT text FROM notes")) {
            assertThat(result.next()).as("visible to another connection at once").isTrue();
            assertThat(result.getString(1)).isEqualTo("durable");
        }
    }

    @Test
    void concurrentWritesShareTransactionsAndEachIsStoredOnce() throws Exception {
        Set<GroupCommitWriter.Session> batches = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> written = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String text = "note " + i;
            written.add(posters.submit(() -> writer.write(session -> {
                batches.add(session);
                return insert(session, text);
            })));
        }
        for (Future<Integer> each : written) {
            assertThat(each.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(DISTINCT text) FROM notes")).isEqualTo(500);
        assertThat(count("SELECT COUNT(*) FROM notes")).isEqualTo(500);
        assertThat(batches.size()).as("transactions for 500 writes from 32 threads").isLessThan(500);
    }

    @Test
    void aFailingWriteIsUndoneAloneAndTheRestOfItsBatchIsKept() throws Exception {
        var writerBusy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Future<Integer> first = posters.submit(() -> writer.write(session -> {
            writerBusy.countDown();
            await(release);
            return insert(session, "first");
        }));
        writerBusy.await(5, TimeUnit.SECONDS);
        // While the writer is busy these three queue up, so they are committed together in the next batch.
        Future<Integer> before = posters.submit(() -> writer.write(session -> insert(session, "before")));
        Future<Integer> failing = posters.submit(() -> writer.write(session -> {
            insert(session, "half-done");
            throw new IllegalArgumentException("refused halfway");
        }));
        Future<Integer> after = posters.submit(() -> writer.write(session -> insert(session, "after")));
        awaitQueued(3);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(before.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(after.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("refused halfway");
        List<String> stored = database.jdbi().withHandle(h -> h.createQuery("SELECT text FROM notes ORDER BY id")
                .mapTo(String.class).list());
        // The three were queued from different threads, in whichever order those threads ran.
        assertThat(stored).containsExactlyInAnyOrder("first", "before", "after").startsWith("first");
    }

    @Test
    void writesRefusedWhileTheDatabaseIsLockedLeakNothingAndWritingResumes() throws Exception {
        writer.close();
        database.close();
        database = Database.open(url(), Duration.ofMillis(50));
        writer = new GroupCommitWriter(database);
        try (var other = DriverManager.getConnection(url()); var lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            // More failures than the pool has connections: a connection kept by each would leave none.
            for (int i = 0; i < 8; i++) {
                assertThatThrownBy(() -> writer.write(session -> insert(session, "refused")))
                        .satisfies(refused -> assertThat(Database.isUnavailable(refused)).isTrue());
            }
            lock.execute("ROLLBACK");
        }
        int accepted = writer.write(session -> insert(session, "accepted"));
        assertThat(accepted).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notes")).isEqualTo(1);
        assertThat(database.connectionsInUse()).as("only the writer's own").isEqualTo(1);
    }

    private static int insert(GroupCommitWriter.Session session, String text) {
        return session.handle().createUpdate("INSERT INTO notes (text) VALUES (:text)").bind("text", text).execute();
    }

    private int count(String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /** Waits until {@code units} callers are blocked in {@link GroupCommitWriter#write}, that is, queued. */
    private void awaitQueued(int units) throws InterruptedException {
        for (int i = 0; i < 500 && writer.queued() < units; i++) {
            Thread.sleep(10);
        }
        assertThat(writer.queued()).isEqualTo(units);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String url() {
        return "jdbc:sqlite:" + folder.resolve("writer.db");
    }
}
