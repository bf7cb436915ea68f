package org.roundtable.operations;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.roundtable.security.IpHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every request in the metrics, and logs one line per request: method, route, status, duration and a
 * short keyed hash of the client address.
 * The route is the pattern ("/authors/{token}"), never the path itself, so private-link tokens, comment
 * ids in query strings and the like stay out of the log, as do addresses and cookies.
 */
public final class RequestLog {

    private static final Logger log = LoggerFactory.getLogger("org.roundtable.requests");

    private final IpHashes ipHashes;
    private final Metrics metrics;

    public RequestLog(IpHashes ipHashes, Metrics metrics) {
        this.ipHashes = ipHashes;
        this.metrics = metrics;
    }

    public void handle(Context ctx, Float milliseconds) {
        metrics.request(ctx, milliseconds);
        if (!log.isInfoEnabled()) {
            return;
        }
        log.info("{} {} {} {}ms client={}", ctx.method(), route(ctx), ctx.status().getCode(),
                Math.round(milliseconds * 10) / 10.0, ipHashes.of(ctx).substring(0, 10));
    }

    /** The route pattern the request matched ("/authors/{token}"), which is safe to log; the path is not. */
    public static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? "(no route)" : endpoint.path;
    }
}
