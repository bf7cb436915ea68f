package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    @Test
    void migrationsBuildTheSchemaInAFreshFileAndItsFolder() {
        Path file = folder.resolve("nested/deeper/roundtable.db");
        try (var database = Database.open("jdbc:sqlite:" + file, TIMEOUT)) {
            assertThat(Files.exists(file)).isTrue();
            var tables = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").mapTo(String.class).list());
            assertThat(tables).contains("articles", "discussions", "comments", "flyway_schema_history");
            var applied = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").mapTo(Integer.class).one());
            assertThat(applied).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void connectionsUseWalForeignKeysAndABusyTimeout() {
        try (var database = Database.open("jdbc:sqlite:" + folder.resolve("pragmas.db"), TIMEOUT)) {
            database.jdbi().useHandle(h -> {
                assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualTo("wal");
                assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
                assertThat(h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isPositive();
            });
        }
    }

    @Test
    void reusedStatementsSeeWhatOtherConnectionsCommitted() throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve("fresh.db");
        try (var database = Database.open(url, TIMEOUT);
             var other = DriverManager.getConnection(url)) {
            database.jdbi().useHandle(h -> h.execute("CREATE TABLE counter (n INTEGER)"));
            other.createStatement().execute("INSERT INTO counter VALUES (1)");
            for (int n = 1; n <= 3; n++) {
                // Same SQL every time, so the pool hands back the statements it compiled the first time.
                int seen = database.jdbi().withHandle(h -> h.createQuery("SELECT MAX(n) FROM counter").mapTo(Integer.class).one());
                assertThat(seen).isEqualTo(n);
                other.createStatement().execute("INSERT INTO counter VALUES (" + (n + 1) + ")");
            }
        }
    }

    @Test
    void aBackupCanBeTakenRightAfterWritesThroughThePool() throws Exception {
        try (var database = Database.open("jdbc:sqlite:" + folder.resolve("live.db"), TIMEOUT)) {
            // One connection in turn, so the backup runs where the inserts' statements are kept for reuse.
            database.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
                h.createUpdate("INSERT INTO notes (text) VALUES (:text)").bind("text", "kept").execute();
            });
            database.backupTo(folder.resolve("backup.db"));
            try (var backup = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("backup.db"));
                 var result = backup.createStatement().executeQuery("SELECT text FROM notes")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("kept");
            }
        }
    }

    @Test
    void reopeningAMigratedDatabaseChangesNothing() {
        String url = "jdbc:sqlite:" + folder.resolve("again.db");
        String firstSchema;
        try (var database = Database.open(url, TIMEOUT)) {
            firstSchema = schemaAndHistory(database);
        }
        try (var database = Database.open(url, TIMEOUT)) {
            assertThat(database.isMigrated()).isTrue();
            assertThat(schemaAndHistory(database)).as("no migration ran again, nothing was created or dropped").isEqualTo(firstSchema);
        }
    }

    /** Every table, index and trigger as SQLite keeps them, and the migrations Flyway recorded, with their times. */
    private static String schemaAndHistory(Database database) {
        return database.jdbi().withHandle(h -> String.join("\n", h.createQuery(
                "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
                .mapTo(String.class).list()) + "\n" + String.join("\n", h.createQuery(
                "SELECT version || ' ' || installed_on FROM flyway_schema_history ORDER BY installed_rank")
                .mapTo(String.class).list()));
    }
}
