package org.roundtable.history;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.rendering.PageDescription;
import org.roundtable.threads.CommentLookup;

/**
 * "edited" on a comment leads here: its versions, newest first, with the changes marked. Only for comments readers
 * can see: the versions of a deleted or removed comment are not shown to them.
 */
public final class CommentHistoryController {

    private final CommentLookup lookup;
    private final CommentHistory history;

    public CommentHistoryController(CommentLookup lookup, CommentHistory history) {
        this.lookup = lookup;
        this.history = history;
    }

    public void show(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = lookup.shownToReaders(ctx, article).orElseThrow(NotFoundResponse::new);
        ctx.render("history/history", Map.of(
                "article", article,
                "description", PageDescription.of("Every version of a comment by " + comment.authorName() + " on \u201C"
                        + article.title() + "\u201D, with what changed from one to the next."),
                "commentPath", CommentPaths.comment(article.slug(), comment.id()),
                "versions", history.forReaders(comment.id()),
                "editedBeforeVersionsWereKept", comment.editedAt() != null));
    }
}
