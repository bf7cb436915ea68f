package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.TestServer;

class ErrorPagesTest {

    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(folder);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownArticleIsAProperNotFoundPage() {
        var response = server.get("/articles/no-such-article");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(response.body()).contains("<h1>Not Found</h1>").contains("href=\"/\"");
    }

    @Test
    void unknownPathIsNotFoundWithoutInternals() {
        var response = server.get("/wp-admin/%2e%2e/etc/passwd?x=%3Cscript%3E");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Not Found").doesNotContain("Exception").doesNotContain("at io.javalin")
                .doesNotContain("<script>");
    }

    @Test
    void wrongMethodIsRefusedPolitely() {
        var response = server.send(HttpRequest.newBuilder(server.uri("/articles/iran-pakistan-strategic-alliance"))
                .DELETE().build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("That action is not possible at this address.");
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() {
        String article = "/articles/iran-pakistan-strategic-alliance";
        var get = server.get(article);
        var head = server.send(HttpRequest.newBuilder(server.uri(article))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("ETag")).isPresent().isEqualTo(get.headers().firstValue("ETag"));

        var unknown = server.send(HttpRequest.newBuilder(server.uri("/articles/no-such-article"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void headOnPersonalAndAdminPagesAnswersAsGetDoes() {
        String article = "/articles/iran-pakistan-strategic-alliance";
        for (String path : new String[] {article + "/helpful", "/admin/me.json", "/admin/queue", "/authors/new-link",
                article + "/comments/999999/delete", article + "/comments/999999/edit"}) {
            var get = server.get(path);
            var head = server.send(HttpRequest.newBuilder(server.uri(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
            assertThat(head.body()).as(path).isEmpty();
            for (String header : new String[] {"Cache-Control", "Vary", "Location"}) {
                assertThat(head.headers().allValues(header)).as(path + " " + header).isEqualTo(get.headers().allValues(header));
            }
        }
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/articles/iran-pakistan-strategic-alliance", "/nope", "/static/css/site.css"}) {
            var headers = server.get(path).headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "form-action 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }

    @Test
    void healthReportsTheDatabase() {
        var response = server.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        String engine = TestDatabases.onPostgresql() ? "postgresql" : "sqlite";
        assertThat(response.body()).isEqualTo("{\"status\":\"up\",\"database\":\"up\",\"engine\":\"" + engine
                + "\",\"migrations\":\"applied\"}");
    }
}
