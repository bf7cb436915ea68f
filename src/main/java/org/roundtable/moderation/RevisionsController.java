package org.roundtable.moderation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AdminPages;
import org.roundtable.comment.Ids;
import org.roundtable.history.CommentHistory;
import org.roundtable.web.ReaderFacingError;

/** A comment's versions as moderators see them, each with a button to hide its text from readers or show it again. */
public final class RevisionsController {

    private final CommentHistory history;

    public RevisionsController(CommentHistory history) {
        this.history = history;
    }

    public void show(Context ctx) {
        long commentId = Ids.fromPath(ctx);
        var model = AdminPages.model(ctx);
        model.put("commentId", commentId);
        model.put("versions", history.forModerators(commentId));
        ctx.render("admin/history", model);
    }

    public void hide(Context ctx) {
        decide(ctx, history.hide(AdminGate.session(ctx).actor(), Ids.fromPath(ctx)));
    }

    public void reveal(Context ctx) {
        decide(ctx, history.show(AdminGate.session(ctx).actor(), Ids.fromPath(ctx)));
    }

    /** Back to the comment's versions, or a plain answer saying why nothing changed. */
    private void decide(Context ctx, Optional<String> problem) {
        long commentId = history.commentOf(Ids.fromPath(ctx)).orElseThrow(NotFoundResponse::new);
        if (problem.isPresent()) {
            throw new ReaderFacingError(HttpStatus.CONFLICT, problem.get());
        }
        ctx.redirect("/admin/comments/" + commentId + "/history", HttpStatus.SEE_OTHER);
    }
}
