package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** Reports are limited per browser and per address, and a refused one leaves nothing behind but the reader's text. */
class ReportLimitsTest {

    @TempDir
    Path folder;
    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBrowserBeyondItsHourlyReportsGetsA429WithItsTextKept() {
        start(Map.of("REPORT_MAX_PER_HOUR", "2"));
        Reader writer = server.reader();
        long first = post(writer, "First");
        long second = post(writer, "Second");
        long third = post(writer, "Third");
        Reader reporter = Reader.from(server, "203.0.113.1");
        assertThat(report(reporter, first, "Spam link").statusCode()).isEqualTo(303);
        assertThat(report(reporter, second, "More spam").statusCode()).isEqualTo(303);
        assertThat(report(reporter, second, "Sent twice").statusCode()).as("a repeat is not counted").isEqualTo(303);
        int authors = rows("authors");

        HttpResponse<String> refused = report(reporter, third, "Still more spam");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).get().satisfies(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        Document page = Reader.parse(refused);
        assertThat(page.selectFirst(".form-error").text()).contains("which is the limit", "your text is still here");
        assertThat(page.selectFirst("textarea[name=details]").text()).isEqualTo("Still more spam");
        assertThat(page.selectFirst("input[name=reason][value=spam]").hasAttr("checked")).isTrue();
        assertThat(rows("reports")).isEqualTo(2);
        assertThat(rows("authors")).isEqualTo(authors);

        assertThat(report(Reader.from(server, "203.0.113.1"), third, "").statusCode()).as("another browser").isEqualTo(303);
    }

    @Test
    void browsersWithoutCookiesBeyondTheirAddressesLimitWriteNothing() {
        start(Map.of("REPORT_ADDRESS_MAX_PER_HOUR", "2"));
        long id = post(server.reader(), "Reported a lot");
        assertThat(report(Reader.from(server, "203.0.113.2"), id, "").statusCode()).isEqualTo(303);
        assertThat(report(Reader.from(server, "203.0.113.2"), id, "").statusCode()).isEqualTo(303);
        int authors = rows("authors");
        int quotas = rows("post_quotas");

        HttpResponse<String> refused = report(Reader.from(server, "203.0.113.2"), id, "x".repeat(1_000));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("rt_author="));
        assertThat(Reader.parse(refused).selectFirst("textarea[name=details]").text()).isEqualTo("x".repeat(1_000));
        assertThat(rows("authors")).as("no author row for a refused report").isEqualTo(authors);
        assertThat(rows("post_quotas")).isEqualTo(quotas);
        assertThat(rows("reports")).isEqualTo(2);

        assertThat(report(Reader.from(server, "198.51.100.2"), id, "").statusCode()).as("another address").isEqualTo(303);
        assertThat(rows("authors")).isEqualTo(authors + 1);
    }

    @Test
    void zeroSwitchesTheReportLimitsOff() {
        start(Map.of("REPORT_MAX_PER_HOUR", "0", "REPORT_ADDRESS_MAX_PER_HOUR", "0"));
        Reader writer = server.reader();
        Reader reporter = Reader.from(server, "203.0.113.3");
        for (int i = 0; i < 12; i++) {
            assertThat(report(reporter, post(writer, "Comment " + i), "").statusCode()).isEqualTo(303);
        }
        assertThat(report(Reader.from(server, "203.0.113.3"), post(writer, "One more"), "x".repeat(1_001)).statusCode())
                .as("the details stay bounded").isEqualTo(422);
    }

    private void start(Map<String, String> env) {
        var all = new HashMap<>(env);
        all.put("TRUST_PROXY", "true");
        server = TestServer.start(TestServer.config(folder, all));
    }

    private long post(Reader who, String body) {
        return postedId(who.submit(who.open(ARTICLE), "#reply-general", Map.of("body", body)));
    }

    private HttpResponse<String> report(Reader who, long id, String details) {
        return who.submit(who.open(ARTICLE + "/comments/" + id + "/report"), "form", Map.of("reason", "spam", "details", details));
    }

    private int rows(String table) {
        return server.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }
}
