package org.roundtable.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteDataSource;

/**
 * The one place that knows the database is SQLite: connection settings, the pool and the migrations.
 * Everything else talks to {@link #jdbi()} with portable SQL.
 */
public final class Database implements AutoCloseable {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final int POOL_SIZE = 4;
    /** Failures that mean "not now" (locked, read-only, full, failing disk), not "this request is wrong". */
    private static final Set<SQLiteErrorCode> UNAVAILABLE = EnumSet.of(
            SQLiteErrorCode.SQLITE_BUSY, SQLiteErrorCode.SQLITE_LOCKED, SQLiteErrorCode.SQLITE_READONLY,
            SQLiteErrorCode.SQLITE_IOERR, SQLiteErrorCode.SQLITE_FULL, SQLiteErrorCode.SQLITE_CANTOPEN);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private boolean migrated;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Opens (creating the file and its folder if needed) and migrates the database at {@code url}. A write
     * that finds the database locked waits up to {@code busyTimeout} before it gives up.
     */
    public static Database open(String url, Duration busyTimeout) {
        if (!url.startsWith(SQLITE_PREFIX)) {
            throw new IllegalArgumentException("Only SQLite is supported for now, got DATABASE_URL=" + url);
        }
        createParentFolder(url);
        var database = new Database(pool(url, busyTimeout));
        database.migrate();
        return database;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The connection pool's figures (active, idle, waiting), for the metrics. */
    public HikariPoolMXBean pool() {
        return dataSource.getHikariPoolMXBean();
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

    /**
     * Writes a consistent copy of the live database to {@code target} (SQLite's VACUUM INTO), while the server
     * keeps serving. The target must not exist yet.
     */
    public void backupTo(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists; choose a new file name");
        }
        jdbi.useHandle(handle -> handle.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'"));
    }

    /**
     * Puts the backup in {@code backup} in place of the database at {@code url}. The server must be stopped:
     * the files are replaced underneath whoever has them open. The backup is checked first.
     */
    public static void restore(Path backup, String url) {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException(backup + " does not exist");
        }
        try (var connection = DriverManager.getConnection(SQLITE_PREFIX + backup.toAbsolutePath());
             var statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history").close();
            statement.executeQuery("SELECT COUNT(*) FROM comments").close();
        } catch (SQLException e) {
            throw new IllegalArgumentException(backup + " is not a Roundtable backup (" + e.getMessage() + ")");
        }
        Path target = Path.of(url.substring(SQLITE_PREFIX.length()).replaceFirst("\\?.*$", "")).toAbsolutePath();
        createParentFolder(url);
        try {
            Path incoming = Files.copy(backup, target.resolveSibling(target.getFileName() + ".restoring"),
                    StandardCopyOption.REPLACE_EXISTING);
            // The old write-ahead log belongs to the old file; left behind, SQLite would replay it onto the backup.
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-shm"));
            Files.move(incoming, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + target + ": " + e.getMessage(), e);
        }
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
                .locations("classpath:db/migration")
                .load();
    }

    /** Whether {@code failure} means the database cannot take writes right now, so the answer is 503. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLiteException sqlite) {
                // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT...) carry their primary code in the low byte.
                int primary = sqlite.getResultCode().code & 0xff;
                return UNAVAILABLE.stream().anyMatch(code -> code.code == primary);
            }
        }
        return false;
    }

    private static HikariDataSource pool(String url, Duration busyTimeout) {
        var sqlite = new SQLiteConfig();
        // WAL lets readers work while a comment is written; FULL makes every commit durable before we answer.
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout((int) busyTimeout.toMillis());
        // Deferred transactions that read then write fail with SQLITE_BUSY under load; take the write lock up front.
        // So transactions are for writes only: pages read without one, and keep working while writes wait.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        var source = new SQLiteDataSource(sqlite);
        source.setUrl(url);

        var pool = new HikariConfig();
        pool.setPoolName("roundtable-sqlite");
        pool.setDataSource(source);
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setConnectionTimeout(Math.max(250, busyTimeout.toMillis()));
        return new HikariDataSource(pool);
    }

    private static void createParentFolder(String url) {
        String file = url.substring(SQLITE_PREFIX.length()).replaceFirst("\\?.*$", "");
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database folder " + parent, e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
