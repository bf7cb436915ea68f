package org.roundtable.rendering;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.roundtable.security.AddressGate;
import org.roundtable.security.AddressKey;
import org.roundtable.web.RetryAfter;

/**
 * Bounds how many big pages are built at once. An article page holds megabytes while it is read and rendered,
 * and 64 readers asking at once ran a 256 MB heap out of memory; the others now wait their turn, which costs
 * them little, since building a page keeps a core busy anyway. The requests of one address first wait in a line
 * of their own ({@code RENDER_MAX_PER_ADDRESS}), so that one client asking for page after page that the cache
 * cannot answer (a forged cookie on each) takes its share of the cores, not all of them; a request that waited
 * in that line too long is answered 503.
 */
public final class RenderGate {

    private final Semaphore permits;
    private final AddressGate perAddress;

    public RenderGate(int permits, AddressGate perAddress) {
        this.permits = new Semaphore(permits, true);
        this.perAddress = perAddress;
    }

    /** Two pages per core are enough to keep every core busy. */
    public static RenderGate perCore(AddressGate perAddress) {
        return new RenderGate(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), perAddress);
    }

    /** Builds a page for the request {@code ctx}, in its address's line and then in the server's. */
    public <T> T build(Context ctx, Supplier<T> page) {
        try (AddressGate.Permit turn = inLine(ctx)) {
            return build(page);
        }
    }

    /**
     * Waits for this request's turn in its address's line; the turn lasts until the permit is closed. Throws a 503
     * (with Retry-After) when the wait is too long.
     */
    public AddressGate.Permit inLine(Context ctx) {
        return perAddress.enter(AddressKey.of(ctx.ip())).orElseThrow(() -> busy(ctx));
    }

    /** Builds a page in the server's line alone: the cache warming up, or a request already in its address's line. */
    public <T> T build(Supplier<T> page) {
        permits.acquireUninterruptibly();
        try {
            return page.get();
        } finally {
            permits.release();
        }
    }

    private HttpResponseException busy(Context ctx) {
        RetryAfter.set(ctx, perAddress.retryAfter());
        return new HttpResponseException(503, "Too many pages at once from one address");
    }
}
