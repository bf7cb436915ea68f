package org.roundtable.queue;

import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.AdminPages;
import org.roundtable.rendering.Formats;

/** {@code /admin}: what needs a moderator now, and where people are talking. */
public final class DashboardController {

    private final Jdbi jdbi;
    private final Formats formats;
    private final boolean offersBackups;

    /** {@code offersBackups}: whether the database makes its own backups here (or its engine's tools do). */
    public DashboardController(Jdbi jdbi, Formats formats, boolean offersBackups) {
        this.jdbi = jdbi;
        this.formats = formats;
        this.offersBackups = offersBackups;
    }

    public void show(Context ctx) {
        var queue = jdbi.onDemand(QueueRepository.class);
        var model = AdminPages.model(ctx);
        model.put("held", queue.count(QueueFilter.HELD.condition()));
        model.put("reported", queue.count(QueueFilter.REPORTED.condition()));
        model.put("spam", queue.count(QueueFilter.SPAM.condition()));
        model.put("activity", queue.activity());
        model.put("formats", formats);
        model.put("offersBackups", offersBackups);
        ctx.render("admin/dashboard", model);
    }
}
