package org.roundtable.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/**
 * Many readers posting at once, limits off: every acknowledged comment is stored exactly once and no
 * database contention ever reaches a client. Writes queue on SQLite's single write lock (IMMEDIATE
 * transactions with a busy timeout) behind a small connection pool.
 */
class ConcurrentPostingTest {

    static final int THREADS = 32;
    static final int POSTS_EACH = 100;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedCommentIsStoredExactlyOnce() throws Exception {
        try (var server = TestServer.start(folder)) {
            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long started = System.nanoTime();
            List<Future<?>> posters = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                posters.add(pool.submit(() -> {
                    Reader reader = server.reader();
                    var page = reader.open(ARTICLE);
                    for (int i = 0; i < POSTS_EACH; i++) {
                        String body = "thread " + thread + " post " + i;
                        var response = reader.submit(page, "#reply-proposal-" + (1 + i % 5), Map.of("body", body));
                        if (response.statusCode() == 303) {
                            acknowledged.put(Reader.postedId(response), body);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> poster : posters) {
                poster.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Concurrent posting: %d comments by %d threads in %.1f s (%.0f posts/s)%n",
                    acknowledged.size(), THREADS, seconds, acknowledged.size() / seconds);

            assertThat(failures.get()).isZero();
            assertThat(acknowledged).hasSize(THREADS * POSTS_EACH);
            Map<Long, String> stored = new ConcurrentHashMap<>();
            server.jdbi().useHandle(h -> h.createQuery("SELECT id, body FROM comments WHERE body LIKE 'thread %'")
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("body")))
                    .forEach(e -> stored.put(e.getKey(), e.getValue())));
            assertThat(stored).isEqualTo(acknowledged);
        }
    }
}
