package org.roundtable.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.roundtable.TestServer.ARTICLE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.TestServer;
import org.roundtable.app.RoundtableCommand;
import org.roundtable.comment.Text;

class WxrImportTest {

    @TempDir
    Path folder;

    Map<String, String> env() {
        return Map.of("DATABASE_URL", TestServer.databaseUrl(folder));
    }

    Path export(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    static String sample() throws IOException {
        try (InputStream in = WxrImportTest.class.getResourceAsStream("/wxr/export-1.2.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void importsTheMatchingPostsCommentsWithTheirStructureStateAndDates() throws IOException {
        TestServer.start(TestServer.config(folder)).close();
        assertThat(RoundtableCommand.run(env(), "import-wxr", export("export.xml", sample()).toString())).isZero();

        try (var server = TestServer.start(TestServer.config(folder))) {
            List<String> rows = server.jdbi().withHandle(h -> h.createQuery("""
                    SELECT c.author_name, c.status, c.depth, c.created_at, c.body
                      FROM comments c WHERE c.import_key IS NOT NULL ORDER BY c.created_at""")
                    .map((row, ctx) -> String.join("|", row.getString(1), row.getString(2), row.getString(3),
                            row.getTimestamp(4).toInstant().toString(), row.getString(5))).list());
            assertThat(rows).containsExactly(
                    "\u0631\u0636\u0627|published|1|2018-03-23T14:30:00Z|\u067E\u0627\u0633\u062E \u0628\u0647 \u0646\u0638\u0631 \u0627\u0648\u0644",
                    "Anonymous|published|0|2018-03-23T15:20:00Z|Zia al Haq saw Sunni Punjabis as the Umma & the US as his surest sponsor.",
                    "Farid|published|3|2018-03-24T07:30:00Z|Listed before its parent, and three replies deep.",
                    "Amina|held|2|2018-03-24T09:00:00Z|Waiting for approval.",
                    "Cheap Pills|spam|0|2018-03-26T09:00:00Z|Buy now");
            var page = server.reader().open(ARTICLE);
            assertThat(page.getElementById("comments").text()).contains("Zia al Haq saw Sunni Punjabis as the Umma & the US")
                    .doesNotContain("Waiting for approval.", "Buy now", "linked to this");
            // The comment bundled with the article, and the three approved ones from the export.
            assertThat(page.selectFirst("#comments h2").text()).startsWith("4 thoughts on");
            List<String> stored = server.jdbi().withHandle(h -> h.createQuery(
                    "SELECT author_name || body || COALESCE(ip_hash, '') FROM comments").mapTo(String.class).list());
            String everything = String.join(" ", stored);
            assertThat(everything).doesNotContain("example.com", "203.0.113", "198.51.100");
        }
    }

    /** WordPress's own test post: comments in HTML, threaded ten deep, some by the post's author. */
    Path themeUnitTest() throws IOException {
        try (InputStream in = WxrImportTest.class.getResourceAsStream("/wxr/theme-unit-test-comments.xml")) {
            return Files.write(folder.resolve("theme-unit-test.xml"), in.readAllBytes());
        }
    }

    @Test
    void wordPressCommentHtmlBecomesTheFormattingReadersSeeAndAuthorsAreMarked() throws IOException {
        TestServer.start(TestServer.config(folder)).close();
        assertThat(RoundtableCommand.run(env(), "import-wxr", "--post", "1148", themeUnitTest().toString())).isZero();
        try (var server = TestServer.start(TestServer.config(folder))) {
            var page = server.reader().open(ARTICLE + "/discussions/general");
            var first = page.getElementById("comment-" + idOf(server, 881)).selectFirst(".comment-body");
            assertThat(first.selectFirst("strong").text()).isEqualTo("Headings");
            assertThat(first.select("h1, h2, table, script, iframe")).as("not in the subset readers write").isEmpty();
            assertThat(first.text()).contains("Header one", "Employee", "John Saddington", "Definition List Title");
            assertThat(first.select("blockquote").eachText()).contains("Stay hungry. Stay foolish.");
            assertThat(first.select("a").eachAttr("href")).contains("https://developer.mozilla.org/en-US/docs/HTML/Element/blockquote#Notes");
            assertThat(first.select("code").eachText()).contains("<blockquote>");
            assertThat(first.text()).doesNotContain("<strong>", "<h1>", "</a>");

            var indented = page.getElementById("comment-" + idOf(server, 899)).selectFirst(".comment-body");
            assertThat(indented.select("pre")).as("tab-indented lines are not code").isEmpty();
            assertThat(indented.text()).contains("They used a fake email");

            List<Long> marked = page.select("article.comment:has(> header .author-badge)").stream()
                    .map(c -> Long.parseLong(c.id().substring("comment-".length()))).toList();
            assertThat(marked).containsExactlyInAnyOrder(idOf(server, 903), idOf(server, 910), idOf(server, 920));
            // Ten deep, beyond what a page nests: on the page where its thread continues.
            long deepest = idOf(server, 915);
            assertThat(server.reader().open(ARTICLE + "/comments/" + idOf(server, 914)).selectFirst("#comment-" + deepest
                    + " > header .author-badge").text()).isEqualTo("Article author");
        }
    }

    @Test
    void importingAgainConvertsOnlyCommentsStillHoldingTheLiteralHtmlOfAnEarlierImport() throws IOException {
        TestServer.start(TestServer.config(folder)).close();
        Path file = themeUnitTest();
        assertThat(RoundtableCommand.run(env(), "import-wxr", "--post", "1148", file.toString())).isZero();
        try (var server = TestServer.start(TestServer.config(folder))) {
            // One comment as an earlier version stored it, the HTML as text; another edited by a moderator since.
            server.jdbi().useHandle(h -> {
                h.execute("UPDATE comments SET body = ? WHERE id = ?", Text.body(LITERAL), idOf(server, 919));
                h.execute("UPDATE comments SET body = '<strong>Headings</strong> as text' WHERE id = ?", idOf(server, 881));
            });
        }
        Files.writeString(file, Files.readString(file).replace("We use these tests all the time! Killer stuff!", LITERAL));
        assertThat(RoundtableCommand.run(env(), "import-wxr", "--post", "1148", file.toString())).isZero();
        try (var server = TestServer.start(TestServer.config(folder))) {
            var rows = server.jdbi().withHandle(h -> h.createQuery(
                    "SELECT body || '|' || CASE WHEN edited_at IS NULL THEN 0 ELSE 1 END FROM comments WHERE id IN (<ids>) ORDER BY id")
                    .bindList("ids", List.of(idOf(server, 881), idOf(server, 900), idOf(server, 919))).mapTo(String.class).list());
            assertThat(rows).containsExactly(
                    "<strong>Headings</strong> as text|0",
                    "Comments? I love comments!|0",
                    "*Literal* HTML\n\nindented|1");
        }
        assertThat(RoundtableCommand.run(env(), "import-wxr", "--post", "1148", file.toString())).as("then a no-op").isZero();
    }

    static final String LITERAL = "<em>Literal</em> HTML\n\n\tindented";

    private static long idOf(TestServer server, long wordPressId) {
        return server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM comments WHERE import_key = :key")
                .bind("key", "wxr:1148:" + wordPressId).mapTo(Long.class).one());
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        Path file = export("export.xml", sample());
        assertThat(RoundtableCommand.run(env(), "import-wxr", file.toString())).isZero();
        int before = count();
        assertThat(RoundtableCommand.run(env(), "import-wxr", file.toString())).isZero();
        assertThat(count()).isEqualTo(before).isEqualTo(6);
    }

    @Test
    void aMalformedFileImportsNothing() throws IOException {
        String truncated = sample().substring(0, sample().indexOf("<wp:comment_id>503"));
        assertThat(RoundtableCommand.run(env(), "import-wxr", export("broken.xml", truncated).toString()))
                .isEqualTo(3);
        String orphan = sample().replace("<wp:comment_parent>502</wp:comment_parent>", "<wp:comment_parent>999</wp:comment_parent>");
        assertThat(RoundtableCommand.run(env(), "import-wxr", export("orphan.xml", orphan).toString())).isEqualTo(3);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void withoutAMatchingTitleThePostsAreListedAndPostChoosesOne() throws IOException {
        String renamed = sample().replace("Is Strategic Alliance Between Iran And Pakistan Possible? &#8211; Analysis", "Renamed");
        Path file = export("renamed.xml", renamed);
        assertThat(RoundtableCommand.run(env(), "import-wxr", file.toString())).isEqualTo(3);
        assertThat(count()).isEqualTo(1);
        assertThat(RoundtableCommand.run(env(), "import-wxr", file.toString(), "--post", "200")).isZero();
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void olderExportsAndHttpsNamespacesAreRead() throws IOException {
        String older = sample().replace("http://wordpress.org/export/1.2/", "https://wordpress.org/export/1.1/");
        assertThat(RoundtableCommand.run(env(), "import-wxr", export("older.xml", older).toString())).isZero();
        assertThat(count()).isEqualTo(6);
    }

    @Test
    void externalEntitiesAreNotFollowed() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP SECRET");
        String hostile = sample().replace("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"file://" + secret + "\">]>")
                .replace("Buy now", "&x;");
        RoundtableCommand.run(env(), "import-wxr", export("hostile.xml", hostile).toString());
        try (var server = TestServer.start(TestServer.config(folder))) {
            List<String> stored = server.jdbi().withHandle(h -> h.createQuery("SELECT body FROM comments")
                    .mapTo(String.class).list());
            String bodies = String.join(" ", stored);
            assertThat(bodies).doesNotContain("TOP SECRET");
        }
    }

    @Test
    void namesAndTextsLongerThanAPostAllowsAreCutToTheLimit() throws IOException {
        String export = wxr(comment(1, 0, "N".repeat(100_000), "words ".repeat(500_000)));
        assertThat(RoundtableCommand.run(env(), "import-wxr", export("long.xml", export).toString())).isZero();
        try (var server = TestServer.start(TestServer.config(folder))) {
            String lengths = server.jdbi().withHandle(h -> h.createQuery(
                    "SELECT LENGTH(author_name) || '/' || LENGTH(body) FROM comments WHERE import_key IS NOT NULL").mapTo(String.class).one());
            assertThat(lengths).isEqualTo("80/10000");
        }
    }

    @Test
    void aReplyChainTwentyThousandDeepImportsAndShows() throws IOException {
        // What this tests is the depth (parsing, the tree, the page's nesting), not the engine; on PostgreSQL its
        // 20,000 inserts, one statement round trip at a time, take 50 s of the verify run.
        assumeFalse(TestDatabases.onPostgresql(), "depth, not the engine; the other imports run on PostgreSQL");
        var comments = new StringBuilder();
        for (int id = 1; id <= 20_000; id++) {
            comments.append(comment(id, id - 1, "Reader " + id, "Reply number " + id));
        }
        assertThat(RoundtableCommand.run(env(), "import-wxr", export("deep.xml", wxr(comments.toString())).toString())).isZero();
        try (var server = TestServer.start(TestServer.config(folder))) {
            long deepest = server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM comments WHERE depth = 19999").mapTo(Long.class).one());
            assertThat(server.get(ARTICLE + "/comments/" + deepest).statusCode()).isEqualTo(200);
            assertThat(server.get(ARTICLE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRunningServerShowsAnImportWithoutARestart() throws Exception {
        try (var server = TestServer.start(TestServer.config(folder))) {
            assertThat(server.get(ARTICLE).body()).doesNotContain("Imported while serving");
            assertThat(RoundtableCommand.run(env(), "import-wxr",
                    export("live.xml", wxr(comment(1, 0, "Live", "Imported while serving"))).toString())).isZero();
            // The server reads the content version once a second on its own; a loaded machine may take a little longer.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!server.get(ARTICLE).body().contains("Imported while serving") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(server.get(ARTICLE).body()).contains("Imported while serving");
        }
    }

    /** A WordPress export of the article's post with these comments. */
    private static String wxr(String comments) {
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><item>
                <title>Is Strategic Alliance Between Iran And Pakistan Possible? &#8211; Analysis</title>
                <wp:post_id>100</wp:post_id><wp:post_type>post</wp:post_type>
                """ + comments + "</item></channel></rss>";
    }

    private static String comment(int id, int parent, String author, String text) {
        return "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author><![CDATA[" + author
                + "]]></wp:comment_author><wp:comment_date_gmt>2018-03-24 07:30:00</wp:comment_date_gmt>"
                + "<wp:comment_content><![CDATA[" + text + "]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                + "<wp:comment_type>comment</wp:comment_type><wp:comment_parent>" + parent + "</wp:comment_parent></wp:comment>\n";
    }

    private int count() {
        try (var server = TestServer.start(TestServer.config(folder))) {
            return server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments").mapTo(Integer.class).one());
        }
    }
}
