package org.roundtable.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.roundtable.audit.Actor;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.security.FormTokens;
import org.roundtable.web.Forms;
import org.roundtable.web.ReaderFacingError;

/** Signing in and out, and creating the first admin through the one-time setup link. */
public final class AuthController {

    private final AdminSessions sessions;
    private final SignIns signIns;
    private final AdminBootstrap bootstrap;
    private final FormTokens formTokens;

    public AuthController(AdminSessions sessions, SignIns signIns, AdminBootstrap bootstrap, FormTokens formTokens) {
        this.sessions = sessions;
        this.signIns = signIns;
        this.bootstrap = bootstrap;
        this.formTokens = formTokens;
    }

    public void loginForm(Context ctx) {
        if (sessions.current(ctx).isPresent()) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        renderLogin(ctx, "", null, 200);
    }

    public void login(Context ctx) {
        ChangedPages.none(ctx);
        String username = Forms.field(ctx, "username").strip();
        String password = Forms.field(ctx, "password");
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            renderLogin(ctx, username, verdict.refusal(), verdict.status());
            return;
        }
        SignIns.Attempt attempt = signIns.attempt(username, password, ctx.ip(), sessions.isKnownDevice(ctx, username));
        if (attempt instanceof SignIns.Attempt.Throttled throttled) {
            // Told when to come back, never kept waiting on a thread.
            ctx.header("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            renderLogin(ctx, username, throttled.reason(), 429);
            return;
        }
        if (!(attempt instanceof SignIns.Attempt.Matched matched)) {
            renderLogin(ctx, username, "That username and password do not match an account.", 401);
            return;
        }
        sessions.start(ctx, matched.moderator());
        signIns.signedIn(new Actor(matched.moderator().id(), username));
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    /**
     * {@code /admin/me.json}: whether this browser is signed in as a moderator, for the script that adds "Moderate"
     * links to public pages. Those pages cannot see the session cookie (it is sent only to {@code /admin}), and are the
     * same for everyone (cached), so the script asks here; the answer is only ever private and never stored.
     */
    public void me(Context ctx) {
        ctx.json(Map.of("moderator", sessions.current(ctx).isPresent()));
    }

    public void logout(Context ctx) {
        ChangedPages.none(ctx);
        AdminSession session = AdminGate.session(ctx);
        sessions.end(ctx);
        signIns.signedOut(session.actor());
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    public void setupForm(Context ctx) {
        requireValidSetupToken(ctx);
        renderSetup(ctx, "", null, 200);
    }

    public void setup(Context ctx) {
        ChangedPages.none(ctx);
        String token = requireValidSetupToken(ctx);
        String username = Forms.field(ctx, "username").strip();
        String password = Forms.field(ctx, "password");
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            renderSetup(ctx, username, verdict.refusal(), verdict.status());
            return;
        }
        Optional<String> problem = Moderator.problemWithUsername(username).or(() -> Passwords.problemWith(password, Forms.field(ctx, "confirm")));
        if (problem.isPresent()) {
            renderSetup(ctx, username, problem.get(), 422);
            return;
        }
        Moderator admin = bootstrap.completeSetup(token, username, password).orElseThrow(this::invalidSetupLink);
        sessions.start(ctx, admin);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private String requireValidSetupToken(Context ctx) {
        String token = ctx.pathParam("token");
        if (!bootstrap.isValidSetupToken(token)) {
            throw invalidSetupLink();
        }
        return token;
    }

    private ReaderFacingError invalidSetupLink() {
        return new ReaderFacingError(HttpStatus.NOT_FOUND,
                "This setup link is not valid: it was already used, or the server has restarted since it was made.");
    }

    private void renderLogin(Context ctx, String username, String error, int status) {
        var model = new HashMap<String, Object>(Map.of("username", username, "formToken", formTokens.issue(),
                "next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"))));
        model.put("error", error);
        model.put("description", "Moderators sign in here to keep the discussions civil.");
        ctx.status(status);
        ctx.render("admin/login", model);
    }

    private void renderSetup(Context ctx, String username, String error, int status) {
        var model = new HashMap<String, Object>(Map.of("username", username, "formToken", formTokens.issue(),
                "token", ctx.pathParam("token")));
        model.put("error", error);
        ctx.status(status);
        ctx.render("admin/setup", model);
    }

    /** Only admin pages are acceptable destinations after signing in, so the form cannot redirect elsewhere. */
    public static String safeNext(String next) {
        return next != null && next.matches("/admin(/[A-Za-z0-9/_-]*)?") ? next : "/admin";
    }
}
