package org.roundtable.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.JdbiException;
import org.roundtable.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a reader can meet, answered with one human-readable page chosen by status.
 * Stack traces go to the log, never to the browser; the log names the route pattern, never the path, which
 * may hold a private-link token.
 */
public final class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    public static final String UNAVAILABLE = "Roundtable cannot save anything at this moment. Reading still works; "
            + "please try again in a minute.";

    /** The field that holds what a reader typed, in every form that sends a comment or an edit. */
    private static final String TYPED_TEXT = "body";

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "The request could not be understood. Please go back and try again.",
            403, "You are not allowed to do that.",
            404, "There is nothing at this address. The page may have moved, or the link may be mistyped.",
            405, "That action is not possible at this address.",
            413, "That was too much to send at once. Please shorten it and try again.",
            429, "Too many requests. Please wait a little and try again.",
            500, "Something went wrong on our side. Nothing you did caused it; please try again in a moment.",
            503, "The site is busy with many requests from your network just now. Please try again in a few seconds.");

    public void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, e.getStatus()));
        routes.exception(ReaderFacingError.class, (e, ctx) -> render(ctx, e.getStatus(), e.getMessage()));
        routes.exception(JdbiException.class, (e, ctx) -> {
            if (Database.isUnavailable(e)) {
                log.warn("Database unavailable on {} {}: {}", ctx.method(), RoutePattern.of(ctx), e.getMessage());
                renderUnavailable(ctx);
            } else {
                log.error("Database error on {} {}", ctx.method(), RoutePattern.of(ctx), e);
                render(ctx, 500);
            }
        });
        routes.exception(UncheckedIOException.class, (e, ctx) -> {
            if (ctx.res().isCommitted()) {
                // The reader went away (or read too slowly) while the page was being sent: nothing is wrong here, and
                // nothing more can be sent. Logged with a stack trace for each, a slow-reading client filled the log
                // and the heap with error pages that could never be written.
                log.debug("The client left during {} {}: {}", ctx.method(), RoutePattern.of(ctx), e.getMessage());
                return;
            }
            log.error("Unhandled error on {} {}", ctx.method(), RoutePattern.of(ctx), e);
            render(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error on {} {}", ctx.method(), RoutePattern.of(ctx), e);
            render(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        });
    }

    /**
     * The database could not be reached. A comment or an edit that was being sent is shown again on the page, in
     * a form that sends it once more with everything it carried: nothing typed is lost, whichever step failed.
     */
    private static void renderUnavailable(Context ctx) {
        Map<String, Object> model = new HashMap<>(model(503, UNAVAILABLE));
        String typed = ctx.method() == HandlerType.POST ? ctx.formParam(TYPED_TEXT) : null;
        if (typed != null) {
            model.put("keptAction", ctx.path());
            model.put("keptText", typed);
            model.put("keptFields", ctx.formParamMap().entrySet().stream()
                    .filter(field -> !field.getKey().equals(TYPED_TEXT) && !field.getKey().equals("preview"))
                    .flatMap(field -> field.getValue().stream().map(value -> Map.entry(field.getKey(), value)))
                    .toList());
        }
        ctx.status(503);
        ctx.render("web/error", model);
    }

    public static void render(Context ctx, int status) {
        render(ctx, status, MESSAGES.getOrDefault(status, MESSAGES.get(status >= 500 ? 500 : 400)));
    }

    /** An error page with a message that says exactly what went wrong and what the reader can do. */
    public static void render(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.render("web/error", model(status, message));
    }

    private static Map<String, Object> model(int status, String message) {
        return Map.of("status", status, "reason", HttpStatus.forStatus(status).getMessage(), "message", message);
    }
}
