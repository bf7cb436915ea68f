package org.roundtable.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.commons.dbcp2.BasicDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database, whichever engine runs it (see {@link Dialect}): the connection pool, the migrations, backups.
 * Everything else talks to {@link #jdbi()} with SQL both engines accept.
 */
public final class Database implements AutoCloseable {

    private static final int CONNECTIONS_KEPT_FOR_PAGES = 3;

    private final Dialect dialect;
    private final BasicDataSource dataSource;
    private final Jdbi jdbi;
    /**
     * Reads with a time limit (searches) hold at most this many of the pool's connections at once, so that pages
     * always find one free: 16 slow searches at once used to hold all five of SQLite's connections, and the
     * article waited for them.
     */
    private final Semaphore timedReads;

    private Database(Dialect dialect, Duration busyTimeout) {
        this.dialect = dialect;
        this.dataSource = dialect.pool(busyTimeout);
        this.timedReads = new Semaphore(Math.max(1, dataSource.getMaxTotal() - CONNECTIONS_KEPT_FOR_PAGES), true);
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        dialect.configure(jdbi);
    }

    /**
     * Opens (creating a SQLite file and its folder if needed) and migrates the database at {@code url}. A write
     * that finds the database busy waits up to {@code busyTimeout} before it gives up.
     */
    public static Database open(String url, Duration busyTimeout) {
        Dialect dialect = Dialect.of(url);
        dialect.prepare();
        var database = new Database(dialect, busyTimeout);
        // Checked first, so that a database which is up to date opens even where it cannot be written.
        if (!database.isMigrated()) {
            database.migrate();
        }
        return database;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Which engine runs: {@code sqlite} or {@code postgresql}, as /health says. */
    public String engine() {
        return dialect.name();
    }

    /** How this instance tells others on the same database what changed here, and hears what they changed. */
    public ChangeBroadcast changeBroadcast() {
        return dialect.changeBroadcast();
    }

    /** Runs {@code work} on a handle that reads one consistent snapshot of the database, writers carrying on. */
    public <R> R inSnapshot(HandleCallback<R, RuntimeException> work) {
        return dialect.inSnapshot(jdbi, work);
    }

    /** How this engine finds comments by their words. */
    public FullText fullText() {
        return dialect.fullText();
    }

    /**
     * Runs a read, stopped with {@link TooSlow} once it has run {@code limit}, or when it could not start within
     * {@code limit} because other timed reads hold every connection they may take.
     */
    public <R> R withinTime(Duration limit, HandleCallback<R, RuntimeException> work) {
        try {
            if (!timedReads.tryAcquire(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TooSlow(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooSlow(e);
        }
        try {
            return dialect.withinTime(jdbi, limit, work);
        } finally {
            timedReads.release();
        }
    }

    /** After rows were inserted into {@code table} in bulk with ids of their own (an import): see {@link Dialect#afterBulkLoad}. */
    public void afterBulkLoad(Handle handle, String table) {
        dialect.afterBulkLoad(handle, table);
    }

    /** The version of the last migration applied, as exports record it. */
    public int schemaVersion() {
        var current = flyway().info().current();
        return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
    }

    /** How many writes the group-commit writer may put in one transaction on this engine. */
    int writesPerTransaction() {
        return dialect.writesPerTransaction();
    }

    /** The connection pool's figures, for the metrics. */
    public int connectionsInUse() {
        return dataSource.getNumActive();
    }

    public int idleConnections() {
        return dataSource.getNumIdle();
    }

    public int threadsWaitingForConnection() {
        return dataSource.getConnectionPool().getNumWaiters();
    }

    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void migrate() {
        flyway().migrate();
    }

    /** Whether {@link #backupTo} makes backups here, rather than leaving them to the engine's own tools. */
    public boolean makesBackups() {
        return dialect.makesBackups();
    }

    /** A backup as the admin's download hands it over: the file and what it is. */
    public record Backup(Path file, String mediaType) {}

    /**
     * Writes a consistent copy of the live database to {@code target}, while the server keeps serving; throws
     * {@link BackupsElsewhere} where the engine's own tools make backups. The target must not exist yet.
     */
    public void backupTo(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists; choose a new file name");
        }
        dialect.backup(jdbi, target);
    }

    /** The same, into {@code folder}, named {@code baseName} and the ending of the engine's backups. */
    public Backup backupInto(Path folder, String baseName) {
        Dialect.BackupFormat format = dialect.backupFormat();
        Path file = folder.resolve(baseName + format.extension());
        backupTo(file);
        return new Backup(file, format.mediaType());
    }

    /**
     * Puts the backup in {@code backup} in place of the database at {@code url}. The server must be stopped:
     * the database is replaced underneath whoever has it open. The backup is checked first.
     */
    public static void restore(Path backup, String url) {
        Dialect.of(url).restore(backup);
    }

    /** Whether every migration in this jar has been applied, as a health check wants to know. */
    public boolean isMigrated() {
        try {
            return flyway().info().pending().length == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocations().toArray(String[]::new))
                .load();
    }

    /** Whether {@code failure} means the database cannot take writes right now, so the answer is 503. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoSuchElementException) {
                return true; // the pool gave up waiting for a free connection
            }
            Boolean verdict = SqliteDialect.unavailable(cause);
            if (verdict == null) {
                verdict = PostgresDialect.unavailable(cause);
            }
            if (verdict != null) {
                return verdict;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the database connections: " + e.getMessage(), e);
        }
    }
}
