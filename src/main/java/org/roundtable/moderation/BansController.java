package org.roundtable.moderation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AdminPages;
import org.roundtable.antispam.Ban;
import org.roundtable.antispam.BanRepository;
import org.roundtable.comment.Ids;
import org.roundtable.comment.Text;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.Formats;

/** The list of bans, past and present, and lifting one. */
public final class BansController {

    /** How much of the comment that led to a ban the list quotes. */
    private static final int EXCERPT_LENGTH = 120;

    private final Jdbi jdbi;
    private final ModerationActions actions;
    private final CommentMarkdown markdown;
    private final Formats formats;
    private final Clock clock;

    public BansController(Jdbi jdbi, ModerationActions actions, CommentMarkdown markdown, Formats formats, Clock clock) {
        this.jdbi = jdbi;
        this.actions = actions;
        this.markdown = markdown;
        this.formats = formats;
        this.clock = clock;
    }

    public void list(Context ctx) {
        var model = AdminPages.model(ctx);
        List<Ban> bans = jdbi.onDemand(BanRepository.class).all();
        model.put("bans", bans);
        model.put("excerpts", excerpts(bans));
        model.put("now", clock.instant());
        model.put("formats", formats);
        ctx.render("admin/bans", model);
    }

    /** The start of each ban's comment, by ban id, as readers saw it: its words without the Markdown. */
    private Map<Long, String> excerpts(List<Ban> bans) {
        return bans.stream().collect(Collectors.toMap(Ban::id, ban -> ban.commentBody() == null ? ""
                : Text.excerpt(markdown.plainText(ban.commentBody()), EXCERPT_LENGTH)));
    }

    public void lift(Context ctx) {
        long id = Ids.fromPath(ctx);
        if (!actions.liftBan(AdminGate.session(ctx).actor(), id)) {
            throw new NotFoundResponse();
        }
        ctx.redirect("/admin/bans", HttpStatus.SEE_OTHER);
    }
}
