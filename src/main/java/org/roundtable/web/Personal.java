package org.roundtable.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for caches between us and the reader: a response whose bytes depend on the reader's cookies is
 * {@code private}, whatever the route. Every reader of a personal cookie (the author cookie, the private link and
 * the recent mark waiting in it, a moderator's session) hands what it found to {@link #read}; that is the only
 * place a route becomes personal, so a route added later is covered by reading its cookies the usual way.
 *
 * <p>A genuine cookie makes the response {@code Cache-Control: private, no-cache} (or {@code private, no-store}
 * where the handler asked for no-store), at once, because a streamed page is sent before any {@code after}
 * handler runs; {@link #afterRequest} applies the rule again for a handler that set a weaker header later.
 * Looking for a cookie at all adds {@code Vary: Cookie}: the page without one is shared, but a cache must not
 * hand it to a reader who has one. A forged or expired cookie is no input: its reader gets everyone's page.
 */
public final class Personal {

    private static final String READ = "roundtable.personal";

    private enum Reading {
        /** A genuine personal cookie came with the request: what follows may be for this reader alone. */
        PERSONAL,
        /** The bytes sent are everyone's (the page cache's), whatever cookie led there. */
        EVERYONES
    }

    private Personal() {}

    /** Notes that the request looked for a personal cookie and what it found there; returns {@code found}. */
    public static <T> Optional<T> read(Context ctx, Optional<T> found) {
        vary(ctx);
        if (found.isPresent()) {
            ctx.attribute(READ, Reading.PERSONAL);
            makePrivate(ctx);
        }
        return found;
    }

    /** Says the bytes about to be sent are the same for every reader, so the response keeps its shared headers. */
    public static void everyones(Context ctx) {
        ctx.attribute(READ, Reading.EVERYONES);
    }

    /** After every request: a personal response that a handler marked weaker than private is made private again. */
    public static void afterRequest(Context ctx) {
        if (ctx.attribute(READ) == Reading.PERSONAL) {
            makePrivate(ctx);
        }
    }

    private static void makePrivate(Context ctx) {
        String current = ctx.res().getHeader("Cache-Control");
        boolean noStore = current != null && current.toLowerCase(Locale.ROOT).contains("no-store");
        ctx.header("Cache-Control", noStore ? "private, no-store" : "private, no-cache");
        vary(ctx);
    }

    private static void vary(Context ctx) {
        String current = ctx.res().getHeader("Vary");
        if (current == null || current.isBlank()) {
            ctx.header("Vary", "Cookie");
        } else if (!current.toLowerCase(Locale.ROOT).contains("cookie")) {
            ctx.header("Vary", current + ", Cookie");
        }
    }
}
