package org.roundtable.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.pagecache.PageCache;
import org.roundtable.security.AddressGate;

/** Many readers asking for one big page at the same moment: one rendering, bounded work, the same answer. */
class RenderOnceTest {

    private final AtomicInteger renders = new AtomicInteger();
    private final PageCache cache = new PageCache(true, Clock.systemUTC(), 1 << 20, () -> 0, RenderGate.perCore(AddressGate.refusingBeyond(0)));
    private final ExecutorService readers = Executors.newFixedThreadPool(24);
    private Javalin app;

    @BeforeEach
    void start() {
        app = Javalin.create(config -> {
            config.routes.get("/page", ctx -> cache.serve(ctx, "article", "page", () -> {
                renders.incrementAndGet();
                sleep(300);
                byte[] html = "<p>rendered once</p>".getBytes(StandardCharsets.UTF_8);
                var page = new PageBuffer();
                page.write(html, 0, html.length);
                return page;
            }));
            config.routes.post("/comment", ctx -> ctx.status(303));
            config.routes.after(cache::afterRequest);
        }).start(0);
    }

    @AfterEach
    void stop() {
        readers.shutdownNow();
        app.stop();
    }

    @Test
    void readersArrivingTogetherShareOneRendering() throws Exception {
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/page")).build();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            answers.add(readers.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString())));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("<p>rendered once</p>");
        }
        assertThat(renders.get()).as("renderings for 24 readers arriving together").isEqualTo(1);
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/comment"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(renders.get()).as("a stale page is rendered again").isEqualTo(2);
    }

    @Test
    void theGateLetsThroughNoMoreThanItsPermits() throws Exception {
        var gate = new RenderGate(2, AddressGate.refusingBeyond(0));
        var inside = new AtomicInteger();
        var most = new AtomicInteger();
        List<CompletableFuture<Void>> pages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pages.add(CompletableFuture.runAsync(() -> gate.build(() -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                sleep(30);
                return inside.decrementAndGet();
            }), readers));
        }
        CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(most.get()).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
