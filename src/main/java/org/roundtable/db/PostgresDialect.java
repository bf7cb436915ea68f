package org.roundtable.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.apache.commons.dbcp2.BasicDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL, for sites that run several instances on the database their operators already run. Accepts the
 * JDBC form ({@code jdbc:postgresql://host:5432/db?user=…&password=…}) and the {@code postgres://user:pass@host/db}
 * form hosting platforms hand out.
 */
final class PostgresDialect implements Dialect {

    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    /** Requests wait for a connection rather than open one each; the database's own limit is shared by instances. */
    private static final int POOL_SIZE = 10;
    /** Statements kept per connection: every distinct query the forum sends, with room to spare. */
    private static final int CACHED_STATEMENTS = 200;
    /** SQLSTATE classes that mean "not now": the connection, the server's resources, the server going away. */
    private static final List<String> UNAVAILABLE_CLASSES = List.of("08", "53", "57");

    private final String jdbcUrl;
    private final String user;
    private final String password;

    private PostgresDialect(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    static boolean accepts(String url) {
        return url.startsWith(JDBC_PREFIX) || url.startsWith("postgres://") || url.startsWith("postgresql://");
    }

    static PostgresDialect of(String url) {
        if (url.startsWith(JDBC_PREFIX)) {
            return new PostgresDialect(url, null, null);
        }
        URI uri = URI.create(url);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new PostgresDialect(JDBC_PREFIX + uri.getHost() + port + uri.getRawPath() + query, user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public void prepare() {
        // The database exists already: its operators created it, as they do for every service they run.
    }

    @Override
    public BasicDataSource pool(Duration busyTimeout) {
        var pool = new BasicDataSource();
        pool.setDriverClassName(org.postgresql.Driver.class.getName());
        pool.setUrl(jdbcUrl);
        if (user != null) {
            pool.setUsername(user);
        }
        if (password != null) {
            pool.setPassword(password);
        }
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMaxWait(Duration.ofMillis(Math.max(250, busyTimeout.toMillis())));
        // A network connection goes stale when the server restarts: checked before use, the pool replaces it and
        // the instance recovers by itself.
        pool.setTestOnBorrow(true);
        pool.setValidationQueryTimeout(Duration.ofSeconds(2));
        // The same statement object, used again, becomes a statement PostgreSQL has prepared: parsed and planned
        // once per connection instead of on every request (the driver switches after a few uses).
        pool.setPoolPreparedStatements(true);
        pool.setMaxOpenPreparedStatements(CACHED_STATEMENTS);
        return pool;
    }

    /**
     * Times are stored to the millisecond, as SQLite stores them: PostgreSQL would keep microseconds, and a page
     * cursor (milliseconds) would then fall between two rows, repeating or skipping a thread at a page boundary.
     */
    @Override
    public void configure(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) ->
                        statement.setObject(position, value.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
            }
        });
    }

    @Override
    public int writesPerTransaction() {
        return 64;
    }

    @Override
    public ChangeBroadcast changeBroadcast() {
        return new PostgresNotifications(this::connect);
    }

    /** A connection of its own, outside the pool. */
    private Connection connect() throws SQLException {
        var properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new org.postgresql.Driver().connect(jdbcUrl, properties);
    }

    @Override
    public <R> R inSnapshot(Jdbi jdbi, HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work);
    }

    /**
     * Identity columns draw from a sequence that rows inserted with their own ids leave behind. And until autovacuum
     * comes by, the planner takes a freshly filled table for empty: a million imported comments made posting take
     * 1.6 s a comment for minutes (11 POSTs/s in the benchmark); ANALYZE tells it at once.
     */
    @Override
    public FullText fullText() {
        return FullText.POSTGRESQL;
    }

    /** A statement timeout for this transaction alone; the statement is cancelled (57014) when it passes. */
    @Override
    public <R> R withinTime(Jdbi jdbi, Duration limit, HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(handle -> {
                handle.execute("SET LOCAL statement_timeout = " + Math.max(1, limit.toMillis()));
                return work.withHandle(handle);
            });
        } catch (RuntimeException e) {
            throw cancelled(e) ? new TooSlow(e) : e;
        }
    }

    private static boolean cancelled(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres && "57014".equals(postgres.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void afterBulkLoad(Handle handle, String table) {
        if (hasIdColumn(handle, table)) {
            moveSequencePastIds(handle, table);
        }
        handle.execute("ANALYZE " + table);
    }

    /** Tables keyed by what they join (a reader's mark on a comment) have no id and no sequence. */
    private static boolean hasIdColumn(Handle handle, String table) {
        return handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name = :table AND column_name = 'id')""")
                .bind("table", table)
                .mapTo(Boolean.class)
                .one();
    }

    private static void moveSequencePastIds(Handle handle, String table) {
        handle.createQuery("SELECT setval(pg_get_serial_sequence(:table, 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM "
                        + table + "), false)")
                .bind("table", table)
                .mapTo(Long.class)
                .one();
    }

    @Override
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/postgresql", "classpath:db/migration/common");
    }

    @Override
    public void backup(Jdbi jdbi, Path target) {
        throw backupsElsewhere();
    }

    @Override
    public boolean makesBackups() {
        return false;
    }

    @Override
    public void restore(Path backup) {
        throw backupsElsewhere();
    }

    @Override
    public BackupFormat backupFormat() {
        throw backupsElsewhere();
    }

    private static BackupsElsewhere backupsElsewhere() {
        return new BackupsElsewhere("This site runs on PostgreSQL: back it up with pg_dump (and restore with pg_restore),"
                + " the tools its operators already use. Roundtable's own backups are for SQLite.");
    }

    /** Whether {@code failure} is PostgreSQL saying "not now"; null when it is not PostgreSQL's. */
    static Boolean unavailable(Throwable failure) {
        if (!(failure instanceof PSQLException postgres)) {
            return null;
        }
        String state = postgres.getSQLState();
        return state != null && UNAVAILABLE_CLASSES.stream().anyMatch(state::startsWith);
    }
}
