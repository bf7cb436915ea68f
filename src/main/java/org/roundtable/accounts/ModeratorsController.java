package org.roundtable.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.audit.AuditLog;
import org.roundtable.comment.Ids;
import org.roundtable.web.Forms;
import org.roundtable.web.ReaderFacingError;

/** Accounts: admins add and remove moderators and reset passwords; everyone can change their own. */
public final class ModeratorsController {

    private final Jdbi jdbi;
    private final Passwords passwords;
    private final AuditLog audit;
    private final Clock clock;

    public ModeratorsController(Jdbi jdbi, Passwords passwords, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    public void list(Context ctx) {
        render(ctx, null, null, 200);
    }

    public void add(Context ctx) {
        AdminSession me = requireAdmin(ctx);
        String username = Forms.field(ctx, "username").strip();
        String password = Forms.field(ctx, "password");
        Role role = "admin".equals(ctx.formParam("role")) ? Role.ADMIN : Role.MODERATOR;
        var moderators = jdbi.onDemand(ModeratorRepository.class);
        Optional<String> problem = Moderator.problemWithUsername(username)
                .or(() -> moderators.usernameTaken(username)
                        ? Optional.of("The name " + username + " is taken (perhaps by a removed account).")
                        : Optional.empty())
                .or(() -> Passwords.problemWith(password, Forms.field(ctx, "confirm")));
        if (problem.isPresent()) {
            render(ctx, problem.get(), null, 422);
            return;
        }
        jdbi.useTransaction(handle -> {
            long id = handle.attach(ModeratorRepository.class).insert(username, passwords.hash(password), role.dbValue(), clock.instant());
            audit.record(handle, me.actor(), "account.create", "moderator", id, null, username + " (" + role.dbValue() + ")");
        });
        render(ctx, null, "Account " + username + " created.", 200);
    }

    public void remove(Context ctx) {
        AdminSession me = requireAdmin(ctx);
        Moderator target = target(ctx);
        var moderators = jdbi.onDemand(ModeratorRepository.class);
        if (target.id() == me.moderatorId()) {
            render(ctx, "You cannot remove your own account.", null, 422);
            return;
        }
        if (target.isAdmin() && moderators.adminCount() <= 1) {
            render(ctx, "The last admin cannot be removed.", null, 422);
            return;
        }
        jdbi.useTransaction(handle -> {
            var repository = handle.attach(ModeratorRepository.class);
            repository.endSessions(target.id());
            repository.remove(target.id(), clock.instant());
            audit.record(handle, me.actor(), "account.remove", "moderator", target.id(), target.username(), null);
        });
        render(ctx, null, "Account " + target.username() + " removed.", 200);
    }

    public void resetPassword(Context ctx) {
        AdminSession me = AdminGate.session(ctx);
        Moderator target = target(ctx);
        if (!me.isAdmin() && target.id() != me.moderatorId()) {
            throw onlyAdmins();
        }
        String password = Forms.field(ctx, "password");
        // Whoever sits at a signed-in browser must still know its password to change one.
        boolean knowsOwnPassword = passwords.matches(Forms.field(ctx, "current"),
                jdbi.onDemand(ModeratorRepository.class).passwordHash(me.username()));
        Optional<String> problem = knowsOwnPassword
                ? Passwords.problemWith(password, Forms.field(ctx, "confirm"))
                : Optional.of("Your current password was not right, so no password was changed.");
        if (problem.isPresent()) {
            render(ctx, problem.get(), null, 422);
            return;
        }
        jdbi.useTransaction(handle -> {
            var repository = handle.attach(ModeratorRepository.class);
            repository.setPasswordHash(target.id(), passwords.hash(password));
            // Anyone signed in with the old password is signed out: all of the account's other browsers.
            repository.endSessionsBut(target.id(), me.idHash());
            audit.record(handle, me.actor(), "account.password", "moderator", target.id(), null, target.username());
        });
        render(ctx, null, "Password for " + target.username() + " changed.", 200);
    }

    private void render(Context ctx, String error, String notice, int status) {
        var model = AdminPages.model(ctx);
        model.put("moderators", jdbi.onDemand(ModeratorRepository.class).all());
        model.put("error", error);
        model.put("notice", notice);
        model.put("minimumLength", Passwords.MINIMUM_LENGTH);
        ctx.status(status);
        ctx.render("admin/moderators", model);
    }

    private Moderator target(Context ctx) {
        return Ids.parse(ctx.pathParam("id"))
                .flatMap(id -> jdbi.onDemand(ModeratorRepository.class).find(id))
                .orElseThrow(NotFoundResponse::new);
    }

    private static AdminSession requireAdmin(Context ctx) {
        AdminSession me = AdminGate.session(ctx);
        if (!me.isAdmin()) {
            throw onlyAdmins();
        }
        return me;
    }

    private static ReaderFacingError onlyAdmins() {
        return new ReaderFacingError(HttpStatus.FORBIDDEN, "Only admins can manage other accounts.");
    }
}
