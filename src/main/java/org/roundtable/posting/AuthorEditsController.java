package org.roundtable.posting;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Stance;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.security.FormTokens;
import org.roundtable.threads.CommentLookup;
import org.roundtable.viewer.Viewer;
import org.roundtable.viewer.Viewers;
import org.roundtable.web.Forms;

/**
 * An author's own edits, from the browser that posted (or one signed in by the private link), within the edit
 * window: the form, its preview, and the edit, which {@link AuthorEdits} checks as a post is checked and stores.
 */
public final class AuthorEditsController {

    private final CommentLookup lookup;
    private final Viewers readers;
    private final AuthorEdits edits;
    private final CommentPreviews previews;
    private final CommentPlacement placement;

    public AuthorEditsController(CommentLookup lookup, Viewers readers, AuthorEdits edits, CommentPreviews previews,
                                 CommentPlacement placement) {
        this.lookup = lookup;
        this.readers = readers;
        this.edits = edits;
        this.previews = previews;
        this.placement = placement;
    }

    public void editForm(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = AuthorEdits.changeableBy(readers.viewer(ctx), lookup.comment(ctx, article));
        String stance = comment.stance() == null ? "" : comment.stance().value();
        // A comment posted without a name is shown as "Anonymous"; its form keeps the name empty, as it was typed,
        // rather than offering the placeholder as a name to save.
        String name = Comment.ANONYMOUS.equals(comment.authorName()) ? "" : comment.authorName();
        renderEdit(ctx, article, comment, new TypedEdit(name, comment.body(), stance, null, null), 200);
    }

    /**
     * The edit form as typed ({@code stance} as sent, {@code ""} for none), with what went wrong ({@code error}) or
     * how it would look ({@code previewHtml}), or neither.
     */
    private record TypedEdit(String name, String body, String stance, String error, String previewHtml) {

        static TypedEdit from(Context ctx) {
            return new TypedEdit(Forms.field(ctx, "name"), Forms.field(ctx, "body"), Forms.field(ctx, "stance"), null, null);
        }

        TypedEdit refused(String reason) {
            return new TypedEdit(name, body, stance, reason, null);
        }

        TypedEdit previewed(String html) {
            return new TypedEdit(name, body, stance, null, html);
        }
    }

    public void edit(Context ctx) {
        Article article = lookup.article(ctx);
        ChangedPages.ofArticle(ctx, article.slug());
        Viewer viewer = readers.viewer(ctx);
        TypedEdit typed = TypedEdit.from(ctx);
        Comment found = lookup.comment(ctx, article);
        if (AuthorEdits.windowClosedFor(viewer, found)) {
            renderEdit(ctx, article, found, typed.refused("The " + viewer.editWindow().minutes() + " minutes for changing this"
                    + " comment ran out while you were writing, so it was not changed. Your text is still here to copy."), 403);
            return;
        }
        Comment comment = AuthorEdits.changeableBy(viewer, found);
        if (CommentPreviews.asked(ctx)) {
            CommentPreviews.Preview preview = previews.ofEdit(ctx, comment, typed.name(), typed.body());
            if (preview instanceof CommentPreviews.Preview.Shown shown) {
                renderEdit(ctx, article, comment, typed.previewed(shown.html()), 200);
            } else if (preview instanceof CommentPreviews.Preview.Refused refused) {
                renderEdit(ctx, article, comment, typed.refused(refused.reason()), refused.status());
            }
            return;
        }
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            renderEdit(ctx, article, comment, typed.refused(verdict.refusal()), verdict.status());
            return;
        }
        Optional<Outcome.Refused> refused = edits.edit(comment, typed.name(), typed.body(), typed.stance(), ctx.ip());
        if (refused.isPresent()) {
            renderEdit(ctx, article, comment, typed.refused(refused.get().reason()), refused.get().status());
            return;
        }
        ctx.redirect(placement.whereToSee(article.slug(), comment, Optional.empty()), HttpStatus.SEE_OTHER);
    }

    private void renderEdit(Context ctx, Article article, Comment comment, TypedEdit typed, int status) {
        var model = readers.pageModel();
        model.putAll(Map.of(
                "article", article,
                "commentPath", CommentPaths.comment(article.slug(), comment.id()),
                "name", typed.name(),
                "body", typed.body()));
        model.put("error", typed.error());
        model.put("previewHtml", typed.previewHtml());
        model.put("stance", typed.stance());
        model.put("offersStance", lookup.takesStance(comment));
        model.put("stanceChoices", List.of(Stance.values()));
        model.put("minutesLeft", readers.viewer(ctx).minutesLeftToChange(comment));
        ctx.status(status);
        ctx.render("discussion/edit", model);
    }
}
