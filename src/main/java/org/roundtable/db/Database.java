package org.roundtable.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.dbcp2.BasicDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one place that knows the database is SQLite: connection settings, the pool and the migrations.
 * Everything else talks to {@link #jdbi()} with portable SQL.
 */
public final class Database implements AutoCloseable {

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    /** Four for readers, one kept by the {@link Writer}. */
    private static final int POOL_SIZE = 5;
    /** Enough for every statement the application has, per connection; the least used are closed beyond it. */
    private static final int CACHED_STATEMENTS = 200;
    /** Failures that mean "not now" (locked, read-only, full, failing disk), not "this request is wrong". */
    private static final Set<SQLiteErrorCode> UNAVAILABLE = EnumSet.of(
            SQLiteErrorCode.SQLITE_BUSY, SQLiteErrorCode.SQLITE_LOCKED, SQLiteErrorCode.SQLITE_READONLY,
            SQLiteErrorCode.SQLITE_IOERR, SQLiteErrorCode.SQLITE_FULL, SQLiteErrorCode.SQLITE_CANTOPEN);

    private final BasicDataSource dataSource;
    private final Jdbi jdbi;

    private Database(String url, Duration busyTimeout) {
        this.dataSource = pool(url, busyTimeout);
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
        var database = new Database(url, busyTimeout);
        // Checked first, so that a database which is up to date opens even where it cannot be written.
        if (!database.isMigrated()) {
            database.migrate();
        }
        return database;
    }

    public Jdbi jdbi() {
        return jdbi;
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
            if (cause instanceof NoSuchElementException) {
                return true; // the pool gave up waiting for a free connection
            }
            if (cause instanceof SQLiteException sqlite) {
                // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT...) carry their primary code in the low byte.
                int primary = sqlite.getResultCode().code & 0xff;
                return UNAVAILABLE.stream().anyMatch(code -> code.code == primary);
            }
        }
        return false;
    }

    private static BasicDataSource pool(String url, Duration busyTimeout) {
        var sqlite = new SQLiteConfig();
        // WAL lets readers work while a comment is written; FULL makes every commit durable before we answer.
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout((int) busyTimeout.toMillis());
        // Deferred transactions that read then write fail with SQLITE_BUSY under load; take the write lock up front.
        // So transactions are for writes only: pages read without one, and keep working while writes wait.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Otherwise the driver runs a hidden query after every INSERT and leaves it unfinished until the statement
        // is closed, which a statement kept for reuse never is, and backups (VACUUM INTO) refuse to run beside it.
        // New ids come from RETURNING instead, which PostgreSQL has too.
        sqlite.setGetGeneratedKeys(false);

        var pool = new BasicDataSource();
        pool.setDriverClassName(org.sqlite.JDBC.class.getName());
        pool.setUrl(url);
        sqlite.toProperties().forEach((key, value) -> pool.addConnectionProperty((String) key, (String) value));
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMaxWait(Duration.ofMillis(Math.max(250, busyTimeout.toMillis())));
        // A local file does not go stale the way a network connection does; checking costs a query per borrow.
        pool.setTestOnBorrow(false);
        // SQLite's driver compiles every statement anew, and compiling costs more than running most of ours:
        // the pool keeps each connection's compiled statements for the next time the same SQL comes.
        pool.setPoolPreparedStatements(true);
        pool.setMaxOpenPreparedStatements(CACHED_STATEMENTS);
        return pool;
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
        try {
            dataSource.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the database connections: " + e.getMessage(), e);
        }
    }
}
