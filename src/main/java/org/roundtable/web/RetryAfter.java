package org.roundtable.web;

import io.javalin.http.Context;
import java.time.Duration;

/** A refused client is told when to ask again, in the one form every 429 and 503 uses. */
public final class RetryAfter {

    /** Sets {@code Retry-After} to {@code wait}; a wait that is not known (null) sets nothing. */
    public static void set(Context ctx, Duration wait) {
        if (wait != null) {
            ctx.header("Retry-After", seconds(wait));
        }
    }

    /** Whole seconds, rounded up, at least one, so that a client never retries at once. */
    static String seconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private RetryAfter() {}
}
