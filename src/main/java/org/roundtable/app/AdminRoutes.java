package org.roundtable.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AuthController;
import org.roundtable.accounts.ModeratorsController;
import org.roundtable.accounts.SignInRequired;
import org.roundtable.moderation.BansController;
import org.roundtable.moderation.BlocklistController;
import org.roundtable.moderation.RevisionsController;
import org.roundtable.queue.DashboardController;
import org.roundtable.queue.QueueController;
import org.roundtable.siteadmin.ArticleSettingsController;
import org.roundtable.siteadmin.AuditController;
import org.roundtable.siteadmin.BackupController;

/** Every {@code /admin} route, behind the gate that lets only signed-in moderators through. */
public final class AdminRoutes {

    private AdminRoutes() {}

    public static void register(RoutesConfig routes, AdminGate gate, AuthController auth, DashboardController dashboard,
                                QueueController queue, BansController bans, ArticleSettingsController articles,
                                BlocklistController blocklist, AuditController audit, ModeratorsController moderators,
                                BackupController backup, RevisionsController revisions) {
        routes.before("/admin", gate::check);
        routes.before("/admin/*", gate::check);
        routes.exception(SignInRequired.class, (e, ctx) ->
                ctx.redirect("/admin/login?next=" + AuthController.safeNext(e.next()), HttpStatus.SEE_OTHER));

        PageRoutes.get(routes, "/admin/login", auth::loginForm);
        routes.post("/admin/login", auth::login);
        routes.post("/admin/logout", auth::logout);
        PageRoutes.get(routes, "/admin/me.json", auth::me);
        PageRoutes.get(routes, "/admin/setup/{token}", auth::setupForm);
        routes.post("/admin/setup/{token}", auth::setup);

        PageRoutes.get(routes, "/admin", dashboard::show);

        PageRoutes.get(routes, "/admin/queue", queue::queue);
        routes.post("/admin/comments/bulk", queue::decideAll);
        routes.post("/admin/comments/{id}/decide", queue::decide);
        PageRoutes.get(routes, "/admin/comments/{id}/edit", queue::editForm);
        routes.post("/admin/comments/{id}/edit", queue::edit);
        routes.post("/admin/comments/{id}/clear-stance", queue::clearStance);
        PageRoutes.get(routes, "/admin/comments/{id}/move", queue::moveForm);
        routes.post("/admin/comments/{id}/move", queue::move);
        PageRoutes.get(routes, "/admin/comments/{id}/ban", queue::banForm);
        routes.post("/admin/comments/{id}/ban", queue::ban);

        PageRoutes.get(routes, "/admin/comments/{id}/history", revisions::show);
        routes.post("/admin/revisions/{id}/hide", revisions::hide);
        routes.post("/admin/revisions/{id}/show", revisions::reveal);

        PageRoutes.get(routes, "/admin/bans", bans::list);
        routes.post("/admin/bans/{id}/lift", bans::lift);

        PageRoutes.get(routes, "/admin/blocklist", blocklist::list);
        routes.post("/admin/blocklist/phrases", blocklist::addPhrase);
        routes.post("/admin/blocklist/addresses", blocklist::addAddress);
        routes.post("/admin/comments/{id}/block-address", blocklist::addAddressOfComment);
        routes.post("/admin/blocklist/{id}/remove", blocklist::remove);

        PageRoutes.get(routes, "/admin/articles", articles::list);
        routes.post("/admin/articles/{id}/policy", articles::setPolicy);
        routes.post("/admin/discussions/{id}/lock", articles::lock);
        routes.post("/admin/discussions/{id}/unlock", articles::unlock);
        routes.post("/admin/discussions/{id}/summary", articles::writeSummary);
        routes.post("/admin/display-name", articles::setDisplayName);

        PageRoutes.get(routes, "/admin/audit", audit::list);

        // GET only: a HEAD would make a whole backup to send none of it.
        routes.get("/admin/backup", backup::download);

        PageRoutes.get(routes, "/admin/moderators", moderators::list);
        routes.post("/admin/moderators", moderators::add);
        routes.post("/admin/moderators/{id}/remove", moderators::remove);
        routes.post("/admin/moderators/{id}/password", moderators::resetPassword);
    }
}
