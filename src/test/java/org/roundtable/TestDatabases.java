package org.roundtable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.roundtable.db.Database;

/**
 * The databases tests run on: a SQLite file in the test's folder, or with {@code -Droundtable.test.database=postgresql}
 * a fresh database on one PostgreSQL server per test JVM, started from binaries on Maven Central.
 */
public final class TestDatabases {

    private static final AtomicInteger created = new AtomicInteger();
    /** A test that restarts its server on the same folder finds the same database again. */
    private static final Map<Path, String> byFolder = new ConcurrentHashMap<>();
    private static final String TEMPLATE = "roundtable_template";
    private static EmbeddedPostgres postgres;
    private static boolean templateReady;
    private static Path sqliteTemplate;

    public static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("roundtable.test.database"));
    }

    /** Where a test's database lives: {@code folder} for SQLite, a new database on the server for PostgreSQL. */
    public static String url(Path folder) {
        return onPostgresql()
                ? byFolder.computeIfAbsent(folder.toAbsolutePath(), f -> freshPostgresql())
                : "jdbc:sqlite:" + freshSqlite(folder.resolve("roundtable.db"));
    }

    /**
     * {@code file}, created as a copy of a SQLite database migrated once per JVM unless it is already there (a test
     * that restarts its server finds its database again). Migrating a new file took a fifth of a second a test,
     * the same step the PostgreSQL template saves; migrating a new file is what DatabaseTest tests.
     */
    public static synchronized Path freshSqlite(Path file) {
        try {
            if (sqliteTemplate == null) {
                Path folder = Files.createTempDirectory("roundtable-template-");
                Path template = folder.resolve("roundtable.db");
                Database.open("jdbc:sqlite:" + template, Duration.ofSeconds(30)).close();
                folder.toFile().deleteOnExit(); // after the file, which is registered later
                template.toFile().deleteOnExit();
                sqliteTemplate = template;
            }
            if (Files.notExists(file)) {
                Files.createDirectories(file.getParent());
                Files.copy(sqliteTemplate, file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a test database", e);
        }
    }

    /**
     * A new database on the shared PostgreSQL server, as an operator creates one for Roundtable, with the schema
     * already in place: it is copied from a template migrated once per JVM (running the migrations for every test
     * took most of the PostgreSQL suite's time). Empty of content, as Roundtable finds a new database.
     */
    public static synchronized String freshPostgresql() {
        if (!templateReady) {
            execute("CREATE DATABASE " + TEMPLATE);
            Database.open(server().getJdbcUrl("postgres", TEMPLATE), Duration.ofSeconds(30)).close();
            templateReady = true;
        }
        String name = "roundtable_" + created.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return server().getJdbcUrl("postgres", name);
    }

    private static void execute(String sql) {
        try (var connection = server().getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare a test database: " + e.getMessage(), e);
        }
    }

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // As durable as in production: the library's defaults turn both off.
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // The JVM is exiting; the server's files are in a temporary folder.
                }
            }));
        }
        return postgres;
    }

    private TestDatabases() {}
}
