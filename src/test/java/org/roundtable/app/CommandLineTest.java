package org.roundtable.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestDatabases;
import org.roundtable.TestServer;

class CommandLineTest {

    @TempDir
    Path folder;

    Map<String, String> env() {
        return Map.of("DATABASE_URL", TestServer.databaseUrl(folder));
    }

    @Test
    void backupThenRestoreBringsBackCommentsModerationAndAudit() {
        assumeFalse(TestDatabases.onPostgresql(), "backup and restore are for SQLite; pg_dump does it on PostgreSQL");
        Path backup = folder.resolve("backup.db");
        List<String> before;
        try (var server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", "correct horse battery")))) {
            Reader reader = server.reader();
            long kept = postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", "Before the backup")));
            Reader admin = server.moderator("admin", "correct horse battery");
            admin.submit(admin.open("/admin/queue?filter=all"), "#queue-" + kept + " form:has(input[value=spam])", Map.of());

            assertThat(RoundtableCommand.run(env(), "backup", backup.toString())).as("backup while serving").isZero();
            before = snapshot(server);
            postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", "After the backup")));
        }
        assertThat(RoundtableCommand.run(env(), "restore", backup.toString())).isZero();
        try (var restored = TestServer.start(TestServer.config(folder))) {
            assertThat(snapshot(restored)).isEqualTo(before);
            assertThat(snapshot(restored).toString()).doesNotContain("After the backup");
        }
    }

    @Test
    void exportThenImportIntoAnEmptyDatabaseIsLossless(@TempDir Path other) {
        Path export = folder.resolve("export.json");
        List<String> before;
        try (var server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", "correct horse battery")))) {
            Reader reader = server.reader();
            long first = postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("name", "سارا", "body", "One")));
            postedId(reader.submit(reader.open(ARTICLE + "/comments/" + first), "#reply-form", Map.of("body", "Reply")));
            Reader admin = server.moderator("admin", "correct horse battery");
            admin.submit(admin.open("/admin/queue?filter=all"), "#queue-" + first + " form:has(input[value=spam])", Map.of());
            admin.submit(admin.open("/admin/comments/" + first + "/ban"), "form[action$=/ban]", Map.of("reason", "Test", "length", "7d"));
            assertThat(RoundtableCommand.run(env(), "export", export.toString())).isZero();
            before = everything(server);
        }
        Map<String, String> otherEnv = Map.of("DATABASE_URL", TestServer.databaseUrl(other));
        TestServer.start(TestServer.config(other)).close();
        assertThat(RoundtableCommand.run(otherEnv, "import", export.toString())).isZero();
        try (var imported = TestServer.start(TestServer.config(other))) {
            assertThat(everything(imported)).isEqualTo(before);
        }
        assertThat(RoundtableCommand.run(otherEnv, "import", export.toString())).as("not into a database with comments")
                .isEqualTo(RoundtableCommand.FAILED);
        assertThat(RoundtableCommand.run(env(), "export", export.toString())).as("no overwriting").isEqualTo(RoundtableCommand.FAILED);
    }

    @Test
    void backupRefusesToOverwriteAndRestoreRefusesWhatIsNotABackup() throws Exception {
        TestServer.start(TestServer.config(folder)).close();
        Path existing = Files.writeString(folder.resolve("existing.db"), "keep me");
        assertThat(RoundtableCommand.run(env(), "backup", existing.toString())).isEqualTo(RoundtableCommand.FAILED);
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(RoundtableCommand.run(env(), "restore", existing.toString())).isEqualTo(RoundtableCommand.FAILED);
        assertThat(RoundtableCommand.run(env(), "restore", folder.resolve("missing.db").toString())).isEqualTo(RoundtableCommand.FAILED);
        assertThat(RoundtableCommand.run(env(), "no-such-command")).isEqualTo(2);
        assertThat(RoundtableCommand.run(env(), "backup", "--help")).isZero();
    }

    @Test
    void createAdminReadsThePasswordFromStandardInput() {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(RoundtableCommand.run(env(), "create-admin", "olga")).isZero();
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(RoundtableCommand.run(env(), "create-admin", "weak")).isEqualTo(RoundtableCommand.FAILED);
        } finally {
            System.setIn(original);
        }
        try (var server = TestServer.start(TestServer.config(folder))) {
            assertThat(server.moderator("olga", "a long enough password").open("/admin").text()).contains("Signed in as olga (admin)");
        }
        assertThat(RoundtableCommand.run(env(), "migrate")).isZero();
    }

    /** Every exported table, row by row. */
    private static List<String> everything(TestServer server) {
        return server.jdbi().withHandle(h -> {
            var rows = new java.util.ArrayList<String>();
            for (String table : List.of("articles", "discussions", "authors", "moderators", "comments", "reports", "bans",
                    "blocklist", "audit_log")) {
                h.createQuery("SELECT * FROM " + table + " ORDER BY id").mapToMap().forEach(row -> rows.add(table + " " + row));
            }
            return rows;
        });
    }

    private static List<String> snapshot(TestServer server) {
        return server.jdbi().withHandle(h -> {
            var rows = new java.util.ArrayList<String>();
            rows.addAll(h.createQuery("SELECT id || ' ' || status || ' ' || body FROM comments ORDER BY id").mapTo(String.class).list());
            rows.addAll(h.createQuery("SELECT id || ' ' || action || ' ' || COALESCE(after_value, '') FROM audit_log ORDER BY id")
                    .mapTo(String.class).list());
            return rows;
        });
    }
}
