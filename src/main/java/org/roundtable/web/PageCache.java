package org.roundtable.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.roundtable.security.Tokens;

/**
 * Rendered pages, kept for readers who have nothing personal on them: no author cookie, no private link to
 * show. They all get the same bytes (and the same gzip bytes), with a strong ETag and Last-Modified, so a
 * reader who has the page already gets a 304. Every successful POST anywhere changes the content version,
 * so no cached page outlives a change; a page is also re-rendered after an hour, which keeps the form
 * tokens in it young.
 */
public final class PageCache {

    static final int MAX_PAGES = 2_000;
    static final Duration MAX_AGE = Duration.ofHours(1);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private record Page(long version, Instant renderedAt, byte[] html, byte[] gzip, String etag) {}

    private final boolean enabled;
    private final Clock clock;
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final Map<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
            return size() > MAX_PAGES;
        }
    };

    public PageCache(boolean enabled, Clock clock) {
        this.enabled = enabled;
        this.clock = clock;
    }

    /** After every request: a successful POST may have changed any page, so every cached page is now stale. */
    public void afterRequest(Context ctx) {
        if (ctx.method() == HandlerType.POST && ctx.status().getCode() < 400) {
            version.incrementAndGet();
        }
    }

    /** Whether this reader sees the shared page: nobody's own comments, controls or private link are on it. */
    public boolean isShared(Context ctx) {
        return enabled && ctx.cookie("rt_author") == null && ctx.cookie("rt_private_link") == null;
    }

    /**
     * Answers with the shared page at {@code key}, rendering it with {@code render} when it is not cached or
     * stale. Use only when {@link #isShared} says so.
     */
    public void serve(Context ctx, String key, Supplier<String> render) {
        Page page = fresh(key);
        if (page == null) {
            misses.incrementAndGet();
            // The version is read before rendering: a change made meanwhile leaves this page stale, never wrong.
            long renderedVersion = version.get();
            page = store(key, renderedVersion, render.get());
        } else {
            hits.incrementAndGet();
        }
        ctx.header("ETag", page.etag())
                .header("Last-Modified", HTTP_DATE.format(page.renderedAt()))
                .header("Cache-Control", "no-cache")
                .header("Vary", "Accept-Encoding, Cookie");
        if (page.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/html; charset=utf-8");
        String accepted = ctx.header("Accept-Encoding");
        boolean gzip = accepted != null && accepted.contains("gzip");
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        send(ctx, gzip ? page.gzip() : page.html());
    }

    /**
     * Writes the bytes straight to Jetty in one call, which hands an array this large to the socket without
     * copying it through its buffers; {@code ctx.result} would stream it in small chunks instead.
     */
    private static void send(Context ctx, byte[] bytes) {
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The share of shared-page requests answered from the cache, for the metrics. */
    public double hitRatio() {
        long total = hits.get() + misses.get();
        return total == 0 ? 0 : (double) hits.get() / total;
    }

    private synchronized Page fresh(String key) {
        Page page = pages.get(key);
        boolean stale = page == null || page.version() != version.get()
                || page.renderedAt().plus(MAX_AGE).isBefore(clock.instant());
        return stale ? null : page;
    }

    private Page store(String key, long renderedVersion, String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        var page = new Page(renderedVersion, clock.instant(), bytes, gzip(bytes),
                "\"" + Tokens.sha256(html).substring(0, 32) + "\"");
        synchronized (this) {
            pages.put(key, page);
        }
        return page;
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
