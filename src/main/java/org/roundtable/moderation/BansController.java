package org.roundtable.moderation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AdminPages;
import org.roundtable.antispam.BanRepository;
import org.roundtable.comment.Ids;
import org.roundtable.rendering.Formats;

/** The list of bans, past and present, and lifting one. */
public final class BansController {

    private final Jdbi jdbi;
    private final ModerationActions actions;
    private final Formats formats;
    private final Clock clock;

    public BansController(Jdbi jdbi, ModerationActions actions, Formats formats, Clock clock) {
        this.jdbi = jdbi;
        this.actions = actions;
        this.formats = formats;
        this.clock = clock;
    }

    public void list(Context ctx) {
        var model = AdminPages.model(ctx);
        model.put("bans", jdbi.onDemand(BanRepository.class).all());
        model.put("now", clock.instant());
        model.put("formats", formats);
        ctx.render("admin/bans", model);
    }

    public void lift(Context ctx) {
        long id = Ids.fromPath(ctx);
        actions.liftBan(AdminGate.session(ctx).actor(), id);
        ctx.redirect("/admin/bans", HttpStatus.SEE_OTHER);
    }
}
