package org.roundtable.operations;

import io.javalin.http.Context;
import org.roundtable.security.IpHashes;
import org.roundtable.web.RoutePattern;
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
        log.info("{} {} {} {}ms client={}", ctx.method(), RoutePattern.of(ctx), ctx.status().getCode(),
                Math.round(milliseconds * 10) / 10.0, ipHashes.of(ctx).substring(0, 10));
    }
}
