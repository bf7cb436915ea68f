package org.roundtable.accounts;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.roundtable.security.FormTokens;
import org.roundtable.web.ReaderFacingError;

/**
 * Stands before every {@code /admin} route: anonymous GETs go to the sign-in page, anonymous POSTs are
 * refused, and every POST must carry the session's CSRF token and come from this site.
 */
public final class AdminGate {

    static final String CSRF_FIELD = "csrf";
    private static final String SESSION = "roundtable.adminSession";

    private final AdminSessions sessions;
    private final FormTokens formTokens;

    public AdminGate(AdminSessions sessions, FormTokens formTokens) {
        this.sessions = sessions;
        this.formTokens = formTokens;
    }

    /**
     * The sign-in and first-admin setup pages are the only admin pages open to everyone, with the answer to "am I
     * signed in?", which tells a stranger only that they are not.
     */
    static boolean isOpen(String path) {
        return path.equals("/admin/login") || path.startsWith("/admin/setup/") || path.equals("/admin/me.json");
    }

    public void check(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (isOpen(ctx.path())) {
            return;
        }
        AdminSession session = sessions.current(ctx).orElseThrow(() -> {
            if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
                return new SignInRequired(ctx.path());
            }
            return new ReaderFacingError(HttpStatus.FORBIDDEN, "Please sign in first.");
        });
        if (ctx.method() == HandlerType.POST && !formTokens.sameOrigin(ctx)) {
            throw new ReaderFacingError(HttpStatus.FORBIDDEN, FormTokens.Verdict.FOREIGN_ORIGIN.refusal());
        }
        if (ctx.method() == HandlerType.POST && !carriesToken(ctx, session)) {
            throw new ReaderFacingError(HttpStatus.FORBIDDEN, FormTokens.Verdict.FORGED.refusal());
        }
        ctx.attribute(SESSION, session);
    }

    /** The signed-in moderator of a request that passed the gate. */
    public static AdminSession session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    private static boolean carriesToken(Context ctx, AdminSession session) {
        String sent = ctx.formParam(CSRF_FIELD);
        return sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
