package org.roundtable.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.dbcp2.BasicDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite in one file: the embedded default. */
final class SqliteDialect implements Dialect {

    static final String PREFIX = "jdbc:sqlite:";
    /** Four for readers, one kept by the {@link GroupCommitWriter}. */
    private static final int POOL_SIZE = 5;
    /** Enough for every statement the application has, per connection; the least used are closed beyond it. */
    private static final int CACHED_STATEMENTS = 200;
    /** Failures that mean "not now" (locked, read-only, full, failing disk), not "this request is wrong". */
    private static final Set<SQLiteErrorCode> UNAVAILABLE = EnumSet.of(
            SQLiteErrorCode.SQLITE_BUSY, SQLiteErrorCode.SQLITE_LOCKED, SQLiteErrorCode.SQLITE_READONLY,
            SQLiteErrorCode.SQLITE_IOERR, SQLiteErrorCode.SQLITE_FULL, SQLiteErrorCode.SQLITE_CANTOPEN);

    /** How many virtual-machine steps SQLite takes between two looks at the clock of a time-limited read. */
    private static final int PROGRESS_STEPS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SqliteDialect.class);

    private final String url;

    SqliteDialect(String url) {
        this.url = url;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    /** Creates the database file's folder, unless the database lives in memory. */
    @Override
    public void prepare() {
        String file = file(url);
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
    public BasicDataSource pool(Duration busyTimeout) {
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
        // A time-limited read sets a progress handler on the driver's own connection (see withinTime).
        pool.setAccessToUnderlyingConnectionAllowed(true);
        return pool;
    }

    /** Dates stay ISO text ("2018-03-23"), as SQLite has always held them here; they sort as dates. */
    @Override
    public void configure(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setString(position, value.toString());
            }
        });
    }

    /** One fsync per batch: the more writes it carries, the cheaper each (savepoints cost SQLite next to nothing). */
    @Override
    public int writesPerTransaction() {
        return 256;
    }

    /** The server has the file to itself; the command line's imports move the content version instead. */
    @Override
    public ChangeBroadcast changeBroadcast() {
        return ChangeBroadcast.NOBODY_ELSE;
    }

    /**
     * A deferred transaction: it reads from a snapshot and takes no lock that writers wait for (WAL). The pool's
     * connections begin theirs IMMEDIATE, for writes, so this one is begun by hand.
     */
    @Override
    public <R> R inSnapshot(Jdbi jdbi, HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(handle -> {
            handle.execute("BEGIN DEFERRED");
            try {
                return work.withHandle(handle);
            } finally {
                handle.execute("COMMIT");
            }
        });
    }

    @Override
    public FullText fullText() {
        return FullText.SQLITE;
    }

    /** SQLite has no statement timeout: a progress handler, called every few thousand steps, stops the statement. */
    @Override
    public <R> R withinTime(Jdbi jdbi, Duration limit, HandleCallback<R, RuntimeException> work) {
        long deadline = System.nanoTime() + limit.toNanos();
        return jdbi.withHandle(handle -> {
            SQLiteConnection connection;
            try {
                // The driver's own connection: the pool's wrapper is not one ProgressHandler accepts.
                connection = handle.getConnection().unwrap(SQLiteConnection.class);
                ProgressHandler.setHandler(connection, PROGRESS_STEPS, new ProgressHandler() {
                    @Override
                    protected int progress() {
                        return System.nanoTime() > deadline ? 1 : 0;
                    }
                });
            } catch (SQLException e) {
                throw new IllegalStateException("Could not set a time limit on a SQLite connection", e);
            }
            try {
                return work.withHandle(handle);
            } catch (RuntimeException e) {
                throw interrupted(e) ? new TooSlow(e) : e;
            } finally {
                try {
                    ProgressHandler.clearHandler(connection);
                } catch (SQLException e) {
                    log.warn("Could not clear a SQLite connection's time limit", e);
                }
            }
        });
    }

    private static boolean interrupted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_INTERRUPT.code) {
                return true;
            }
        }
        return false;
    }

    /** An INTEGER PRIMARY KEY continues after the highest id by itself; the planner needs no statistics here. */
    @Override
    public void afterBulkLoad(Handle handle, String table) {}

    @Override
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/sqlite", "classpath:db/migration/common");
    }

    /** SQLite's VACUUM INTO: a consistent copy while readers and the writer go on. */
    @Override
    public void backup(Jdbi jdbi, Path target) {
        jdbi.useHandle(handle -> handle.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'"));
    }

    @Override
    public boolean makesBackups() {
        return true;
    }

    @Override
    public BackupFormat backupFormat() {
        return new BackupFormat(".db", "application/vnd.sqlite3");
    }

    @Override
    public void restore(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException(backup + " does not exist");
        }
        try (var connection = DriverManager.getConnection(PREFIX + backup.toAbsolutePath());
             var statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history").close();
            statement.executeQuery("SELECT COUNT(*) FROM comments").close();
        } catch (SQLException e) {
            throw new IllegalArgumentException(backup + " is not a Roundtable backup (" + e.getMessage() + ")");
        }
        Path target = Path.of(file(url)).toAbsolutePath();
        prepare();
        try {
            Path incoming = Files.copy(backup, target.resolveSibling(target.getFileName() + ".restoring"),
                    StandardCopyOption.REPLACE_EXISTING);
            // The old write-ahead log belongs to the old file; left behind, SQLite would replay it onto the backup.
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-shm"));
            Files.move(incoming, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code failure} is SQLite saying "not now"; null when it is not SQLite's. */
    static Boolean unavailable(Throwable failure) {
        if (!(failure instanceof SQLiteException sqlite)) {
            return null;
        }
        // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT...) carry their primary code in the low byte.
        int primary = sqlite.getResultCode().code & 0xff;
        return UNAVAILABLE.stream().anyMatch(code -> code.code == primary);
    }

    /** The file a SQLite URL names, without its query. */
    static String file(String url) {
        return url.substring(PREFIX.length()).replaceFirst("\\?.*$", "");
    }
}
