package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** Whatever a client sends, the answer is a plain page, never a 500, and nothing slips past a check. */
class HostileInputTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD, "DATABASE_BUSY_TIMEOUT_MS", "300")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOversizedBodyGetsAPlain413() {
        Reader reader = server.reader();
        var response = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "x".repeat(300_000)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("too much to send at once");
    }

    @Test
    void bodiesThatAreNotFormsAreRefusedWithoutBeingRead() throws IOException {
        for (String type : new String[] {"multipart/form-data; boundary=x", "text/plain; charset=utf-8", "application/octet-stream",
                "application/json"}) {
            // Declares half a gigabyte and sends a few bytes: the answer comes without waiting for the rest.
            String answer = raw("POST " + ARTICLE + "/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nContent-Length: 500000000\r\n\r\n", "--x\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(statusOf(answer)).as(type).isEqualTo(415);
            assertThat(answer).as(type).contains("Only forms can be sent here");
        }
    }

    @Test
    void formsAreTakenWithWhateverParametersTheirTypeCarries() {
        for (String type : new String[] {"application/x-www-form-urlencoded;charset=UTF-8", "Application/X-WWW-Form-URLEncoded; charset=utf-8"}) {
            Reader reader = server.reader();
            String token = reader.open(ARTICLE).selectFirst("#reply-general input[name=form_token]").val();
            var response = server.send(HttpRequest.newBuilder(server.uri(ARTICLE + "/comments"))
                    .header("Content-Type", type)
                    .header("Origin", server.origin())
                    .POST(HttpRequest.BodyPublishers.ofString("discussion=general&body=Typed+as+" + type.length() + "&form_token="
                            + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build());
            assertThat(response.statusCode()).as(type).isEqualTo(303);
        }
    }

    @Test
    void aFormDeclaredLargerThanTheLimitIsRefusedBeforeItArrives() throws IOException {
        String answer = raw("POST " + ARTICLE + "/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: 500000000\r\n\r\n", "body=x".getBytes(StandardCharsets.US_ASCII));
        assertThat(statusOf(answer)).isEqualTo(413);
    }

    @Test
    void aChunkedFormLargerThanTheLimitIsRefused() throws IOException {
        String chunk = "x".repeat(0x10000);
        var body = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            body.append("10000\r\n").append(chunk).append("\r\n");
        }
        body.append("0\r\n\r\n");
        String answer = raw("POST " + ARTICLE + "/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", body.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(statusOf(answer)).isEqualTo(413);
    }

    @Test
    void madeUpMethodsGet501AndLeaveNoTraceInTheMetrics() throws IOException {
        for (int i = 0; i < 50; i++) {
            String answer = raw("XMETHOD" + i + " " + ARTICLE + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]);
            assertThat(statusOf(answer)).isEqualTo(501);
        }
        assertThat(server.get("/metrics").body()).doesNotContain("XMETHOD");
    }

    @Test
    void invalidUtf8IsRefusedCleanly() throws IOException {
        byte[] body = "discussion=general&body=%C3%28%FF".getBytes(StandardCharsets.US_ASCII);
        String answer = raw("POST " + ARTICLE + "/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
        assertThat(statusOf(answer)).isBetween(400, 499);
    }

    @Test
    void oversizedHeadersAreRefusedNotCrashed() {
        var response = server.send(HttpRequest.newBuilder(server.uri(ARTICLE)).header("X-Filler", "y".repeat(20_000)).build());
        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void directionControlsCannotFlipTheLineANameSitsIn() {
        Reader reader = server.reader();
        long id = postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-2",
                Map.of("name", "\u202Eevil\u202C \u2067name\u2069", "body", "text \u202Eoverridden\u202C and \u2067isolated\u2069")));
        var comment = reader.open(ARTICLE).getElementById("comment-" + id);
        assertThat(comment.selectFirst(".comment-author").wholeText()).isEqualTo("evil name");
        assertThat(comment.selectFirst(".comment-author").attr("dir")).isEqualTo("auto");
        assertThat(comment.selectFirst(".comment-body").wholeText()).as("a body keeps isolates, not overrides")
                .contains("text overridden and \u2067isolated\u2069");
    }

    @Test
    void templateExpressionsInNamesAndBodiesRenderLiterally() {
        Reader reader = server.reader();
        String name = "[[${7*7}]] __${7*7}__::x";
        String body = "`[(${7*7})]` ${T(java.lang.Runtime).getRuntime()} `__${7*7}__::x` `[[${7*7}]]`";
        long id = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("name", name, "body", body)));
        var comment = reader.open(ARTICLE).getElementById("comment-" + id);
        assertThat(comment.selectFirst(".comment-author").wholeText()).isEqualTo(name);
        assertThat(comment.selectFirst(".comment-body").text()).contains("[[${7*7}]]", "${T(java.lang.Runtime)", "[(${7*7})]")
                .doesNotContain("49");
    }

    @Test
    void extraFormFieldsAreIgnored() {
        Reader admin = server.moderator("admin", PASSWORD);
        admin.submit(admin.open("/admin/articles"), "form.policy-form", Map.of("policy", "all_held"));
        try {
            Reader reader = server.reader();
            long id = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Let me in",
                    "status", "published", "id", "1", "created_at", "0", "author_id", "1", "depth", "99", "edited_by_moderator", "true")));
            assertThat(id).isNotEqualTo(1);
            assertThat(server.commentStatus(id)).isEqualTo("held");
            int depth = server.jdbi().withHandle(h -> h.createQuery("SELECT depth FROM comments WHERE id = :id").bind("id", id)
                    .mapTo(Integer.class).one());
            assertThat(depth).isZero();
        } finally {
            admin.submit(admin.open("/admin/articles"), "form.policy-form", Map.of("policy", "open"));
        }
    }

    @Test
    void adminPathsSpelledDifferentlyNeverGetPastSignIn() throws IOException {
        Reader anonymous = server.reader();
        for (String path : new String[] {"/ADMIN", "/Admin/queue", "/admin;x", "/admin/queue;jsessionid=1", "//admin",
                "/admin/%2e%2e/admin", "/static/../admin", "/admin/queue/", "/admin%2fqueue", "/./admin"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]);
            int status = statusOf(answer);
            assertThat(status).as(path).isNotEqualTo(200).isLessThan(500);
            assertThat(answer).as(path).doesNotContain("Moderation queue", "Moderation dashboard");
        }
        assertThat(anonymous.get("/admin/queue").statusCode()).isEqualTo(303);
    }

    @Test
    void unusualMethodsAreRefusedAndNoServerVersionIsAnnounced() {
        for (String method : new String[] {"TRACE", "PUT", "DELETE", "PATCH"}) {
            var response = server.send(HttpRequest.newBuilder(server.uri(ARTICLE))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertThat(response.statusCode()).as(method).isEqualTo(405);
        }
        var page = server.get(ARTICLE);
        assertThat(page.headers().firstValue("Server")).isEmpty();
        assertThat(page.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void adminPagesAreNeverCached() {
        Reader admin = server.moderator("admin", PASSWORD);
        assertThat(admin.get("/admin/queue").headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(server.reader().get("/admin/login").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theNextParameterOnlyLeadsToThisSitesAdminPages() {
        for (String next : new String[] {"//evil.example", "https://evil.example/admin", "/\\evil.example", "/admin/../../x",
                "/admin@evil.example", "javascript:alert(1)", "/admin/queue\r\nSet-Cookie: x=y"}) {
            Reader admin = server.reader();
            Document form = admin.open("/admin/login");
            var response = admin.submit(form, "form[action=/admin/login]", Map.of("username", "admin", "password", PASSWORD, "next", next));
            assertThat(response.headers().firstValue("Location")).as(next).hasValue("/admin");
        }
    }

    @Test
    void rotatingForwardedForHeadersDoesNotEscapeTheLoginThrottle(@TempDir Path other) {
        try (var isolated = TestServer.start(TestServer.config(other, Map.of("ADMIN_PASSWORD", PASSWORD)))) {
            for (int attempt = 0; attempt < 6; attempt++) {
                Reader guesser = isolated.reader();
                String token = guesser.open("/admin/login").selectFirst("input[name=form_token]").val();
                var response = isolated.send(HttpRequest.newBuilder(isolated.uri("/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", isolated.origin())
                        .header("X-Forwarded-For", "10.0.0." + attempt)
                        .header("X-Real-IP", "10.0.1." + attempt)
                        .POST(HttpRequest.BodyPublishers.ofString("username=nobody" + attempt + "&password=x&form_token="
                                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build());
                assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(attempt < 5 ? 401 : 429);
            }
        }
    }

    @Test
    void behindATrustedProxyOnlyTheHopTheProxyAddedCounts(@TempDir Path other) {
        try (var proxied = TestServer.start(TestServer.config(other, Map.of("ADMIN_PASSWORD", PASSWORD, "TRUST_PROXY", "true")))) {
            for (int attempt = 0; attempt < 6; attempt++) {
                String token = proxied.reader().open("/admin/login").selectFirst("input[name=form_token]").val();
                var response = proxied.send(HttpRequest.newBuilder(proxied.uri("/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", proxied.origin())
                        .header("X-Forwarded-For", "10.0.0." + attempt + ", 198.51.100." + attempt)
                        // A proxy that adds a header line of its own instead of appending to the client's.
                        .header("X-Forwarded-For", "203.0.113.7")
                        .POST(HttpRequest.BodyPublishers.ofString("username=someone" + attempt + "&password=x&form_token="
                                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build());
                assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(attempt < 5 ? 401 : 429);
            }
        }
    }

    @Test
    void aPasswordMatchingOnlyTheFirst72BytesIsRefused(@TempDir Path other) {
        String real = "p".repeat(72);
        try (var isolated = TestServer.start(TestServer.config(other, Map.of("ADMIN_PASSWORD", real)))) {
            Reader reader = isolated.reader();
            var response = reader.submit(reader.open("/admin/login"), "form[action=/admin/login]",
                    Map.of("username", "admin", "password", real + "-and-more"));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(isolated.moderator("admin", real)).isNotNull();
        }
    }

    @Test
    void whileAnotherProcessHoldsTheWriteLockPostsFailWith503AndKeepTheirText() throws Exception {
        assumeFalse(TestDatabases.onPostgresql(), "SQLite's write lock, held by another process");
        Reader reader = server.reader();
        Document page = reader.open(ARTICLE);
        try (Connection other = DriverManager.getConnection(TestServer.databaseUrl(folder));
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            HttpResponse<String> response = reader.submit(page, "#reply-proposal-4", Map.of("body", "Locked out"));
            assertThat(response.statusCode()).isEqualTo(503);
            var form = Reader.parse(response).getElementById("reply-proposal-4");
            assertThat(form.selectFirst(".form-error").text()).contains("could not save your comment just now");
            assertThat(form.selectFirst("textarea").text()).isEqualTo("Locked out");
            assertThat(reader.get(ARTICLE).statusCode()).as("reading still works").isEqualTo(200);
            statement.execute("ROLLBACK");
        }
        int stored = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments WHERE body = 'Locked out'")
                .mapTo(Integer.class).one());
        assertThat(stored).isZero();
        postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-4", Map.of("body", "Locked out")));
    }

    @Test
    void whileAnotherProcessHoldsTheWriteLockEditsFailWith503AndKeepTheirText() throws Exception {
        assumeFalse(TestDatabases.onPostgresql(), "SQLite's write lock, held by another process");
        Reader author = server.reader();
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Before the lock")));
        Document editPage = author.open(ARTICLE + "/comments/" + id + "/edit");
        try (Connection other = DriverManager.getConnection(TestServer.databaseUrl(folder));
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            HttpResponse<String> response = author.submit(editPage, "form[action$=/edit]", Map.of("body", "Edited, locked out"));
            assertThat(response.statusCode()).isEqualTo(503);
            Document page = Reader.parse(response);
            assertThat(page.selectFirst(".form-error").text()).contains("could not save your comment just now");
            assertThat(page.selectFirst("textarea").text()).isEqualTo("Edited, locked out");
            statement.execute("ROLLBACK");
        }
        assertThat(author.open(ARTICLE).getElementById("comment-" + id).selectFirst(".comment-body").text())
                .isEqualTo("Before the lock");
    }

    private static String raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", server.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }
}
