package org.roundtable.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestDatabases;
import org.roundtable.TestServer;
import org.roundtable.app.RoundtableCommand;
import org.roundtable.db.Database;

/**
 * A site moves from SQLite to PostgreSQL and back with {@code export} and {@code import}: the same comments,
 * ids, threads, moderation state and private links, and new comments get new ids.
 */
class MovingHouseTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSiteMovesFromSqliteToPostgresqlAndBackUnchanged() throws IOException {
        Path fromSqlite = folder.resolve("from-sqlite.json");
        String privateLink;
        long lastId;
        try (var site = TestServer.start(TestServer.config(folder.resolve("sqlite"),
                Map.of("DATABASE_URL", sqlite("sqlite"), "ADMIN_PASSWORD", PASSWORD)))) {
            Reader reader = site.reader();
            var posted = reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("name", "سارا", "body", "یک نظر", "stance", "for"));
            long first = postedId(posted);
            privateLink = reader.follow(posted).getElementById("comment-" + first).selectFirst(".private-link a.private-link-url").attr("href");
            lastId = postedId(reader.submit(reader.open(ARTICLE + "/comments/" + first), "#reply-form", Map.of("body", "A reply")));
            Reader other = site.reader();
            other.press(other.open(ARTICLE + "/discussions/proposal-1"), "#comment-" + first + " button.helpful-button");
            long spam = postedId(other.submit(other.open(ARTICLE), "#reply-general", Map.of("body", "Buy now")));
            Reader admin = site.moderator("admin", PASSWORD);
            admin.submit(admin.open("/admin/queue?filter=all"), "#queue-" + spam + " form:has(input[value=spam])", Map.of());
            admin.submit(admin.open("/admin/comments/" + spam + "/ban"), "form[action$=/ban]", Map.of("reason", "Spam", "length", "7d"));
            lastId = Math.max(lastId, spam);
            assertThat(RoundtableCommand.run(Map.of("DATABASE_URL", sqlite("sqlite")), "export", fromSqlite.toString())).isZero();
        }

        String postgresql = TestDatabases.freshPostgresql();
        assertThat(RoundtableCommand.run(Map.of("DATABASE_URL", postgresql), "import", fromSqlite.toString())).isZero();
        Path fromPostgresql = folder.resolve("from-postgresql.json");
        assertThat(RoundtableCommand.run(Map.of("DATABASE_URL", postgresql), "export", fromPostgresql.toString())).isZero();
        assertThat(content(fromPostgresql)).isEqualTo(content(fromSqlite));

        try (var moved = TestServer.start(TestServer.config(folder.resolve("postgresql"), Map.of("DATABASE_URL", postgresql)))) {
            Document discussion = moved.page(ARTICLE + "/discussions/proposal-1");
            assertThat(discussion.select(".comment-body").eachText()).contains("یک نظر", "A reply");
            assertThat(discussion.select(".comment-author").eachText()).contains("سارا");
            assertThat(discussion.selectFirst(".tally").attr("data-tally-for")).as("stances counted again").isEqualTo("1");
            assertThat(discussion.selectFirst(".helpful-count").attr("data-count")).as("marks counted again").isEqualTo("1");
            assertThat(moved.page(ARTICLE + "/discussions/general").text()).doesNotContain("Buy now");

            Reader returning = moved.reader();
            Document signIn = returning.open(privateLink.substring(privateLink.indexOf("/authors/")));
            assertThat(returning.follow(returning.submit(signIn, "main form", Map.of())).text()).contains("یک نظر");
            moved.moderator("admin", PASSWORD);

            long next = postedId(returning.submit(returning.open(ARTICLE), "#reply-proposal-3", Map.of("body", "After the move")));
            assertThat(next).as("a fresh id after the imported ones").isGreaterThan(lastId);
        }

        Path back = folder.resolve("after-the-move.json");
        assertThat(RoundtableCommand.run(Map.of("DATABASE_URL", postgresql), "export", back.toString())).isZero();
        assertThat(RoundtableCommand.run(Map.of("DATABASE_URL", sqlite("back")), "import", back.toString())).isZero();
        Path again = folder.resolve("back-on-sqlite.json");
        assertThat(RoundtableCommand.run(Map.of("DATABASE_URL", sqlite("back")), "export", again.toString())).isZero();
        assertThat(content(again)).isEqualTo(content(back));
        assertThat(content(again).toString()).contains("After the move");
    }

    @Test
    void anExportOfVersionOneStillImports() throws IOException {
        Path file = Path.of("src/test/resources/export/version-1.json");
        JsonNode original = json.readTree(file.toFile());
        String url = TestDatabases.url(folder);
        assertThat(RoundtableCommand.run(Map.of("DATABASE_URL", url), "import", file.toString())).isZero();

        Path exported = folder.resolve("now.json");
        assertThat(RoundtableCommand.run(Map.of("DATABASE_URL", url), "export", exported.toString())).isZero();
        JsonNode now = json.readTree(exported.toFile());
        JsonNode firstComment = original.at("/tables/comments").get(1);
        JsonNode sameComment = now.at("/tables/comments").get(1);
        assertThat(sameComment.get("body")).isEqualTo(firstComment.get("body"));
        assertThat(sameComment.get("created_at").asText())
                .isEqualTo(java.time.Instant.ofEpochMilli(firstComment.get("created_at").asLong()).toString());
        assertThat(now.at("/tables/comments").size()).isEqualTo(original.at("/tables/comments").size());
        assertThat(now.at("/tables/discussions/0/locked").isBoolean()).isTrue();
    }

    @Test
    void aValueTooLongForItsColumnFailsWithItsRowNamedAndNothingImported() throws IOException {
        var export = (ObjectNode) json.readTree(Path.of("src/test/resources/export/version-1.json").toFile());
        ((ObjectNode) export.at("/tables/moderators").get(0)).put("username", "x".repeat(81));
        Path file = Files.writeString(folder.resolve("too-long.json"), json.writeValueAsString(export));

        String postgresql = TestDatabases.freshPostgresql();
        try (var database = Database.open(postgresql, Duration.ofSeconds(5))) {
            Throwable refused = catchThrowable(() -> new DataImport(database).importFrom(file));
            assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("moderators row 1 (id 1) username is 81 characters long; this database keeps at most 80");
            int articles = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one());
            assertThat(articles).as("what was there before stays").isEqualTo(0);
        }
    }

    @Test
    void whatIsNotAnExportIsRefusedPlainly() throws IOException {
        String url = TestDatabases.url(folder);
        Path truncated = Files.writeString(folder.resolve("cut.json"),
                Files.readString(Path.of("src/test/resources/export/version-1.json")).substring(0, 5_000));
        Path other = Files.writeString(folder.resolve("other.json"), "{\"format\": \"something-else\", \"tables\": {}}");
        try (var database = Database.open(url, Duration.ofSeconds(5))) {
            assertThat(catchThrowable(() -> new DataImport(database).importFrom(truncated)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a complete JSON export");
            assertThat(catchThrowable(() -> new DataImport(database).importFrom(other)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a Roundtable export");
            int comments = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments").mapTo(Integer.class).one());
            assertThat(comments).isZero();
        }
    }

    /** An export without what says when and by which schema it was made. */
    private JsonNode content(Path export) throws IOException {
        return json.readTree(export.toFile()).get("tables");
    }

    private String sqlite(String name) {
        return "jdbc:sqlite:" + folder.resolve(name).resolve("roundtable.db");
    }
}
