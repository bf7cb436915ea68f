package org.roundtable.pagecache;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.roundtable.rendering.PageBuffer;
import org.roundtable.rendering.RenderGate;
import org.roundtable.security.Tokens;
import org.roundtable.web.Personal;

/**
 * Rendered pages, kept for readers who have nothing personal on them (see {@code Viewers.seesSharedPage}).
 * They all get the same bytes (and the same gzip bytes), with a strong ETag and Last-Modified, so a
 * reader who has the page already gets a 304.
 *
 * <p>Pages belong to a scope, the article they show. A successful POST makes its article's pages stale (the
 * handler says which article with {@link ChangedPages}; a POST that says nothing makes every page stale, so a
 * forgotten declaration costs speed, never correctness), here and, through the listener given to
 * {@link #announceTo}, on the other instances sharing the database. A change another process made (an import
 * from the command line) is found by reading the database's content version at most once a second. A page is
 * also re-rendered after an hour, which keeps the form tokens in it young. Counts that may lag (helpful marks)
 * make their article's pages stale {@link #COUNTS_LAG} later, once for all the marks in between.
 */
public final class PageCache {

    static final Duration MAX_AGE = Duration.ofHours(1);
    /** How long counts on cached pages may lag behind (a mark, then the page's re-rendering and the announcement). */
    public static final Duration COUNTS_LAG = Duration.ofSeconds(2);
    static final Duration STORED_VERSION_CHECK = Duration.ofSeconds(1);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * A rendered page, in direct (off-heap) buffers: Jetty hands those to the socket as they are, where a heap
     * array is first copied into a direct buffer on every response.
     */
    private record Page(Versions versions, Instant renderedAt, ByteBuffer html, ByteBuffer gzip, String etag) {
        long bytes() {
            return html.capacity() + gzip.capacity();
        }
    }

    private final boolean enabled;
    /** Whose turn it is to render, by address: see {@link #serve}. */
    private final RenderGate gate;
    private final Clock clock;
    private final long maxBytes;
    /** Moves when every page is stale. */
    private final AtomicLong version = new AtomicLong();
    /** Moves when the pages of one scope (an article's slug) are stale. */
    private final Map<String, AtomicLong> scopeVersions = new ConcurrentHashMap<>();
    /** Told of every change made here, to tell the other instances; see {@link #announceTo}. */
    private volatile Consumer<String> announcer = scope -> { };
    /** The database's content version, changed by other processes; see {@link #followStoredVersion}. */
    private final LongSupplier storedVersion;
    private volatile long lastStoredVersion;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    /** Least recently used first; guarded by {@code this}, like {@link #cachedBytes}. */
    private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
    /** Pages being rendered right now, by key. */
    private final Map<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();
    private long cachedBytes;
    /** Scopes whose pages go stale soon; see {@link #invalidateSoon}. */
    private final Set<String> catchingUp = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService catchUp = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "roundtable-page-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * {@code maxBytes} bounds what the cached pages take together, least recently used going first: a crawler
     * walking every page of a big discussion must not fill memory.
     */
    public PageCache(boolean enabled, Clock clock, long maxBytes, LongSupplier storedVersion, RenderGate gate) {
        this.enabled = enabled;
        this.gate = gate;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.storedVersion = storedVersion;
        this.lastStoredVersion = storedVersion.getAsLong();
        if (enabled) {
            catchUp.scheduleWithFixedDelay(this::readStoredVersion, STORED_VERSION_CHECK.toMillis(),
                    STORED_VERSION_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Which versions a page was rendered at: it is fresh while both are current. */
    private record Versions(long everyPage, long scope) {}

    /** The scope that stands for every page, in {@link #invalidate} and in what is announced. */
    public static final String EVERY_PAGE = "*";

    /** After every request: a successful POST makes the pages it changed stale, here and on other instances. */
    public void afterRequest(Context ctx) {
        if (ctx.method() == HandlerType.POST && ctx.status().getCode() < 400) {
            for (String scope : ChangedPages.of(ctx)) {
                invalidate(scope);
                announcer.accept(scope);
            }
            ChangedPages.countsOf(ctx).forEach(this::invalidateSoon);
        }
    }

    /**
     * Makes the pages of {@code scope} stale {@link #COUNTS_LAG} from now, here and on the other instances, unless
     * that is already due: fifty marks a second on one article re-render its pages once every two seconds, not
     * fifty times.
     */
    public void invalidateSoon(String scope) {
        if (catchingUp.add(scope)) {
            catchUp.schedule(() -> {
                // Removed first: a change arriving while this runs is caught up with by the next round.
                catchingUp.remove(scope);
                invalidate(scope);
                announcer.accept(scope);
            }, COUNTS_LAG.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops catching up; pages already due to go stale stay as they are in a server that is stopping. */
    public void close() {
        catchUp.shutdownNow();
    }

    /** Makes the pages of {@code scope} (an article's slug, or {@link #EVERY_PAGE}) stale. */
    public void invalidate(String scope) {
        if (EVERY_PAGE.equals(scope)) {
            version.incrementAndGet();
        } else {
            scopeVersion(scope).incrementAndGet();
        }
    }

    /** Every change made here is handed to {@code announcer} too, which tells the other instances. */
    public void announceTo(Consumer<String> announcer) {
        this.announcer = announcer;
    }

    private AtomicLong scopeVersion(String scope) {
        return scopeVersions.computeIfAbsent(scope, any -> new AtomicLong());
    }

    private Versions currentVersions(String scope) {
        return new Versions(version.get(), scopeVersion(scope).get());
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Answers with the shared page at {@code key}, which belongs to {@code scope}, rendering it with
     * {@code render} when it is not cached or stale (in the requester's line of the {@link RenderGate}; {@code render}
     * takes its turn in the server's). Only for readers who see nothing personal on the page.
     */
    public void serve(Context ctx, String scope, String key, Supplier<PageBuffer> render) {
        Page page = fresh(scope, key);
        if (page == null) {
            misses.incrementAndGet();
            // In the requester's own line before the page is claimed: readers waiting for a page another address
            // renders never wait behind that address's line, only behind the rendering itself.
            try (var turn = gate.inLine(ctx)) {
                page = renderOnce(scope, key, render);
            }
        } else {
            hits.incrementAndGet();
        }
        // Whatever cookie was read to choose this page, the page itself is everyone's.
        Personal.everyones(ctx);
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
     * Hands the bytes to Jetty in one call, which writes a buffer this large straight to the socket; through
     * {@code ctx.result} they would be streamed in small chunks and copied twice. Javalin runs on Jetty's
     * servlet layer, so the response's stream is Jetty's {@link HttpOutput}.
     */
    private static void send(Context ctx, ByteBuffer content) {
        ByteBuffer own = content.duplicate(); // Each response reads with its own position.
        ctx.res().setContentLength(own.remaining());
        try {
            ((HttpOutput) ctx.res().getOutputStream()).sendContent(own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders the shared page at {@code key} ahead of its first reader, unless it is cached and fresh. */
    public void prime(String scope, String key, Supplier<PageBuffer> render) {
        if (enabled && fresh(scope, key) == null) {
            renderOnce(scope, key, render);
        }
    }

    /**
     * Renders a stale page once however many readers ask for it meanwhile: they wait for that rendering and
     * share it. Right after a comment every cached page is stale, and readers arriving together used to render
     * the same page side by side, each holding megabytes.
     */
    private Page renderOnce(String scope, String key, Supplier<PageBuffer> render) {
        var mine = new CompletableFuture<Page>();
        CompletableFuture<Page> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            return shared(running);
        }
        try {
            // The version is read before rendering: a change made meanwhile leaves this page stale, never wrong.
            Versions renderedAt = currentVersions(scope);
            Page page = store(key, renderedAt, render.get());
            mine.complete(page);
            return page;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    /** The page another request is rendering; if that failed (an unknown article, say), the same failure. */
    private static Page shared(CompletableFuture<Page> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** How many bytes the cached pages take, for the metrics and the tests. */
    public synchronized long cachedBytes() {
        return cachedBytes;
    }

    /** The share of shared-page requests answered from the cache, for the metrics. */
    public double hitRatio() {
        long total = hits.get() + misses.get();
        return total == 0 ? 0 : (double) hits.get() / total;
    }

    /**
     * Once a second the cache's own thread reads the database's content version; when another process changed it,
     * every cached page is stale. Never the reader's thread: with every database connection busy (searches, a slow
     * disk) readers still get the cached page at once instead of waiting for a connection, and the check catches up
     * when one is free. A database that cannot be read leaves the pages as they are.
     */
    private void readStoredVersion() {
        try {
            long stored = storedVersion.getAsLong();
            if (stored != lastStoredVersion) {
                lastStoredVersion = stored;
                version.incrementAndGet();
            }
        } catch (RuntimeException unavailable) {
            // Pages are still served from the cache; the next check tries again.
        }
    }

    private Page fresh(String scope, String key) {
        Versions current = currentVersions(scope);
        synchronized (this) {
            Page page = pages.get(key);
            boolean stale = page == null || !page.versions().equals(current)
                    || page.renderedAt().plus(MAX_AGE).isBefore(clock.instant());
            return stale ? null : page;
        }
    }

    private Page store(String key, Versions renderedAt, PageBuffer rendered) {
        ByteBuffer html = rendered.toDirectBuffer();
        var page = new Page(renderedAt, clock.instant(), html, gzip(rendered).toDirectBuffer(),
                "\"" + Tokens.sha256(html).substring(0, 32) + "\"");
        synchronized (this) {
            Page replaced = pages.put(key, page);
            cachedBytes += page.bytes() - (replaced == null ? 0 : replaced.bytes());
            evictBeyondBudget();
        }
        return page;
    }

    /** Drops least recently used pages until the rest fit in the budget. */
    private void evictBeyondBudget() {
        var eldest = pages.values().iterator();
        while (cachedBytes > maxBytes && eldest.hasNext()) {
            cachedBytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    private static PageBuffer gzip(PageBuffer page) {
        var compressed = new PageBuffer();
        try (var gzip = new GZIPOutputStream(compressed)) {
            page.writeTo(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed;
    }
}
