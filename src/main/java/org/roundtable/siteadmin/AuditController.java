package org.roundtable.siteadmin;

import io.javalin.http.Context;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.AdminPages;
import org.roundtable.audit.AuditLog.AuditRepository;
import org.roundtable.audit.AuditLog;
import org.roundtable.rendering.Formats;

/** The audit log, newest first, filterable by action and by moderator. */
public final class AuditController {

    private final Jdbi jdbi;
    private final Formats formats;

    public AuditController(Jdbi jdbi, Formats formats) {
        this.jdbi = jdbi;
        this.formats = formats;
    }

    public void list(Context ctx) {
        String action = Objects.requireNonNullElse(ctx.queryParam("action"), "");
        String moderator = Objects.requireNonNullElse(ctx.queryParam("moderator"), "");
        int page = AdminPages.page(ctx);
        var audit = jdbi.onDemand(AuditRepository.class);
        var entries = audit.page(action, moderator, AuditLog.PAGE_SIZE + 1, (page - 1) * AuditLog.PAGE_SIZE);

        var model = AdminPages.model(ctx);
        model.put("entries", entries.subList(0, Math.min(entries.size(), AuditLog.PAGE_SIZE)));
        model.put("hasNext", entries.size() > AuditLog.PAGE_SIZE);
        model.put("page", page);
        model.put("action", action);
        model.put("moderator", moderator);
        model.put("actions", audit.actions());
        model.put("moderators", audit.moderators());
        model.put("formats", formats);
        ctx.render("admin/audit", model);
    }
}
