package org.roundtable.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.dbcp2.BasicDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * What differs between the engines Roundtable runs on: how to connect, where each one's migrations are, how a
 * live copy is made. Chosen once from DATABASE_URL; nothing outside this package knows which engine runs.
 */
interface Dialect {

    static Dialect of(String url) {
        if (url.startsWith(SqliteDialect.PREFIX)) {
            return new SqliteDialect(url);
        }
        if (PostgresDialect.accepts(url)) {
            return PostgresDialect.of(url);
        }
        throw new IllegalArgumentException("DATABASE_URL must start with jdbc:sqlite:, jdbc:postgresql:// or postgres://"
                + " (got " + url.replaceFirst("//[^@/]*@", "//…@") + ")");
    }

    /** The engine's name, as /health reports it: {@code sqlite} or {@code postgresql}. */
    String name();

    /** Prepares the place the database lives, where there is one to prepare (SQLite's folder). */
    void prepare();

    BasicDataSource pool(Duration busyTimeout);

    /** Teaches jdbi how this engine stores the values whose form differs between engines. */
    void configure(Jdbi jdbi);

    /**
     * How many writes the group-commit writer puts in one transaction, each in a savepoint of its own: PostgreSQL
     * slows every session down while one transaction holds more than 64 subtransactions.
     */
    int writesPerTransaction();

    /** How this instance tells others on the same database what changed, and hears them. */
    ChangeBroadcast changeBroadcast();

    /**
     * Runs {@code work} on one handle that sees the database as it was when it began, however long it reads,
     * without keeping writers waiting.
     */
    <R> R inSnapshot(Jdbi jdbi, HandleCallback<R, RuntimeException> work);

    /** How this engine finds comments by their words. */
    FullText fullText();

    /**
     * Runs {@code work}, a read, stopping it with {@link TooSlow} once it has run {@code limit}: a search for words
     * in most of a million comments must not hold a connection and a core for long.
     */
    <R> R withinTime(Jdbi jdbi, Duration limit, HandleCallback<R, RuntimeException> work);

    /**
     * After rows were inserted into {@code table} in bulk, with their ids given: makes sure new rows get higher
     * ids, and that the query planner knows what the table now holds.
     */
    void afterBulkLoad(Handle handle, String table);

    /** Where Flyway finds this engine's migrations: its own (versions 1 to 6, and 10), then the shared ones. */
    List<String> migrationLocations();

    /**
     * Writes a consistent copy of the live database to {@code target}, while the server keeps serving; engines
     * whose own tools do that better refuse with {@link BackupsElsewhere}.
     */
    void backup(Jdbi jdbi, Path target);

    /** Whether {@link #backup} makes backups, or refuses in favour of the engine's own tools. */
    boolean makesBackups();

    /** Puts a backup made by {@link #backup} in place of the database; the server must be stopped. */
    void restore(Path backup);

    /** A file name ending and media type for backups this engine makes, as the admin's download names them. */
    BackupFormat backupFormat();

    record BackupFormat(String extension, String mediaType) {}
}
