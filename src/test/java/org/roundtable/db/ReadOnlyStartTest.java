package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.app.Config;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/**
 * A database that can be read but not written (a read-only volume, a full disk) still serves the site:
 * start-up writes nothing that is already there, pages read, and posts get a 503 with the text kept.
 */
class ReadOnlyStartTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;

    @Test
    void aServerStartsOnADatabaseItCannotWriteAndServesPages() {
        assumeFalse(TestDatabases.onPostgresql(), "a SQLite file without write permission");
        long existing;
        try (var writable = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD)))) {
            Reader reader = writable.reader();
            existing = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Written before")));
        }
        var env = new HashMap<String, String>(Map.of("ADMIN_PASSWORD", PASSWORD, "DATABASE_BUSY_TIMEOUT_MS", "200", "PORT", "0",
                "SPAM_MIN_FILL_SECONDS", "0"));
        // SQLite's own URI form: the file opened read-only, as on a read-only volume (root can write any file).
        env.put("DATABASE_URL", "jdbc:sqlite:file:" + folder.resolve("roundtable.db") + "?mode=ro");
        try (var readOnly = TestServer.start(Config.fromMap(env))) {
            Reader reader = readOnly.reader();
            assertThat(reader.open(ARTICLE).getElementById("comment-" + existing)).isNotNull();
            var refused = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Written after"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Reader.parse(refused).selectFirst("#reply-general textarea").text()).isEqualTo("Written after");
        }
    }
}
