package org.roundtable.posting;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Text;
import org.roundtable.comment.Visibility;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.security.FormTokens;
import org.roundtable.threads.CommentLookup;
import org.roundtable.viewer.Viewer;
import org.roundtable.viewer.Viewers;
import org.roundtable.web.ErrorPages;

/**
 * An author's deletion of their own comment, from the browser that posted (or one signed in by the private link),
 * within the edit window, through the writer and the audit log ({@link AuthorEdits}).
 */
public final class AuthorDeletesController {

    /** How much of a comment the delete confirmation quotes. */
    private static final int QUOTED_LENGTH = 400;

    private final CommentLookup lookup;
    private final Viewers readers;
    private final AuthorEdits edits;
    private final CommentPlacement placement;
    private final CommentMarkdown markdown;

    public AuthorDeletesController(CommentLookup lookup, Viewers readers, AuthorEdits edits, CommentPlacement placement,
                                   CommentMarkdown markdown) {
        this.lookup = lookup;
        this.readers = readers;
        this.edits = edits;
        this.placement = placement;
        this.markdown = markdown;
    }

    /**
     * Deletes the reader's comment once they have said yes: the button asks for a confirmation page first (a
     * script may ask in a dialog instead and send the yes along), then the reader is told it is done.
     */
    public void delete(Context ctx) {
        Article article = lookup.article(ctx);
        ChangedPages.ofArticle(ctx, article.slug());
        Comment comment = AuthorEdits.changeableBy(readers.viewer(ctx), lookup.comment(ctx, article));
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            ErrorPages.render(ctx, verdict.status(), verdict.refusal());
            return;
        }
        if (!"yes".equals(ctx.formParam("confirmed"))) {
            askFirst(ctx, article, comment);
            return;
        }
        edits.delete(comment);
        ctx.redirect(CommentPaths.comment(article.slug(), comment.id()) + "/deleted", HttpStatus.SEE_OTHER);
    }

    /**
     * The confirmation's own address, opened again (a reload, a new tab, the history): it asks again while the reader
     * may still delete the comment, says it is done once it is deleted, and otherwise leads back to the comment.
     * Only the form it shows deletes.
     */
    public void confirmation(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = lookup.comment(ctx, article);
        Viewer viewer = readers.viewer(ctx);
        if (comment.isDeleted() && Visibility.isItsAuthor(comment, viewer.authorId())) {
            ctx.redirect(CommentPaths.comment(article.slug(), comment.id()) + "/deleted", HttpStatus.SEE_OTHER);
        } else if (viewer.canChange(comment)) {
            askFirst(ctx, article, comment);
        } else if (viewer.canSee(comment) || Visibility.keepsItsPlace(comment.status())) {
            ctx.redirect(placement.whereToSee(article.slug(), comment, Optional.empty()), HttpStatus.SEE_OTHER);
        } else {
            // Set aside, rejected or spam, and not theirs: answered as a comment that never existed.
            throw new NotFoundResponse();
        }
    }

    private void askFirst(Context ctx, Article article, Comment comment) {
        var model = readers.pageModel();
        model.put("article", article);
        model.put("commentPath", CommentPaths.comment(article.slug(), comment.id()));
        model.put("quoted", Text.excerpt(markdown.plainText(comment.body()), QUOTED_LENGTH));
        model.put("backPath", placement.whereToSee(article.slug(), comment, Optional.empty()));
        ctx.render("discussion/delete", model);
    }

    /** After a deletion: says it is done, and leads back to the discussion. */
    public void deleted(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = lookup.comment(ctx, article);
        if (!comment.isDeleted() || !Visibility.isItsAuthor(comment, readers.viewer(ctx).authorId())) {
            // "Your comment was deleted" is for the one who deleted it.
            throw new NotFoundResponse();
        }
        var model = readers.pageModel();
        model.put("article", article);
        model.put("discussionPath", placement.pageShowing(article.slug(), comment, Optional.empty()));
        ctx.render("discussion/deleted", model);
    }
}
