package org.roundtable.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;
import org.roundtable.security.LoginThrottle;
import org.roundtable.web.Forms;
import org.roundtable.web.ReaderFacingError;

/** Signing in and out, and creating the first admin through the one-time setup link. */
public final class AuthController {

    private final Jdbi jdbi;
    private final AdminSessions sessions;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final AdminBootstrap bootstrap;
    private final FormTokens formTokens;
    private final IpHashes ipHashes;
    private final AuditLog audit;

    public AuthController(Jdbi jdbi, AdminSessions sessions, Passwords passwords, LoginThrottle throttle,
                          AdminBootstrap bootstrap, FormTokens formTokens, IpHashes ipHashes, AuditLog audit) {
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.bootstrap = bootstrap;
        this.formTokens = formTokens;
        this.ipHashes = ipHashes;
        this.audit = audit;
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
        String ipHash = ipHashes.of(ctx);
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            renderLogin(ctx, username, verdict.refusal(), verdict.status());
            return;
        }
        if (throttle.attempt(username, ipHash, sessions.isKnownDevice(ctx, username)) instanceof LoginThrottle.Attempt.Refused refused) {
            // Told when to come back, never kept waiting on a thread.
            ctx.header("Retry-After", Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
            renderLogin(ctx, username, refused.retryAfter().compareTo(LoginThrottle.WINDOW) >= 0
                    ? "Too many failed sign-in attempts. Please try again in " + throttle.windowMinutes() + " minutes."
                    : "Too many failed sign-in attempts on this account. Please try again in "
                            + Math.max(1, refused.retryAfter().toSeconds()) + " seconds.", 429);
            return;
        }
        var moderators = jdbi.onDemand(ModeratorRepository.class);
        Optional<Moderator> moderator = moderators.findByUsername(username);
        if (!passwords.matches(password, moderators.passwordHash(username)) || moderator.isEmpty()) {
            renderLogin(ctx, username, "That username and password do not match an account.", 401);
            return;
        }
        throttle.succeeded(username);
        sessions.start(ctx, moderator.get());
        jdbi.useTransaction(handle -> audit.record(handle, new Actor(moderator.get().id(), username),
                "account.login", "moderator", moderator.get().id(), null, null));
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx) {
        ChangedPages.none(ctx);
        AdminSession session = AdminGate.session(ctx);
        sessions.end(ctx);
        jdbi.useTransaction(handle -> audit.record(handle, session.actor(), "account.logout", "moderator",
                session.moderatorId(), null, null));
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
