package org.roundtable.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

class MetricsTest {

    @TempDir
    Path folder;

    @Test
    void metricsCountRequestsByRouteCommentsByStatusAndShowTheQueueCacheAndPool() {
        try (var server = TestServer.start(TestServer.config(folder, Map.of("METRICS_TOKEN", "scrape-me")))) {
            Reader reader = server.reader();
            server.get(ARTICLE);
            server.get(ARTICLE);
            reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Counted"));
            reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Counted too", "website", "spam.example"));

            assertThat(server.get("/metrics").statusCode()).isEqualTo(401);
            var metrics = server.send(HttpRequest.newBuilder(server.uri("/metrics")).header("Authorization", "Bearer scrape-me").build());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/articles/{slug}\",status=\"200\"}")
                    .contains("roundtable_comments_posted_total{status=\"published\"} 1.0")
                    .contains("roundtable_comments_posted_total{status=\"spam\"} 1.0")
                    .contains("roundtable_moderation_queue ")
                    .contains("roundtable_render_cache_hit_ratio ")
                    .contains("roundtable_db_pool_active ")
                    .contains("jvm_memory_used_bytes")
                    .doesNotContain("127.0.0.1");
        }
    }
}
