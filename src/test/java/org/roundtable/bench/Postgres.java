package org.roundtable.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;

/**
 * A PostgreSQL server for the benchmark, from the Maven Central binaries the tests use, as durable as in
 * production: {@code fsync} and {@code synchronous_commit} on (the library's defaults turn both off). Creates the
 * databases named on the command line, prints a JDBC URL for each, and runs until its standard input closes.
 */
public final class Postgres {

    public static void main(String[] databases) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server)));
        for (String name : databases) {
            create(server, name);
            System.out.println(server.getJdbcUrl("postgres", name));
        }
        System.out.flush();
        while (System.in.read() != -1) {
            // Runs until the script closes our input, or kills us.
        }
        close(server);
    }

    private static void create(EmbeddedPostgres server, String name) throws SQLException {
        try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (Exception e) {
            // Exiting anyway; the data folder is temporary.
        }
    }

    private Postgres() {}
}
