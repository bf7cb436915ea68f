package org.roundtable.posting;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.roundtable.article.Article;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.Hold;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Text;
import org.roundtable.db.Database;
import org.roundtable.db.GroupCommitWriter;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.posting.CommentPosting.Outcome;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.security.AddressHash;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;
import org.roundtable.threads.CommentLookup;
import org.roundtable.threads.Viewers;
import org.roundtable.web.ErrorPages;
import org.roundtable.web.Forms;
import org.roundtable.web.ReaderFacingError;

/**
 * An author's own edits and deletions, from the browser that posted (or one signed in by the private link),
 * within the edit window. Both go through the writer and the audit log, and an edit passes the checks a post does.
 */
public final class AuthorEditsController {

    /** How much of a comment the delete confirmation quotes. */
    private static final int QUOTED_LENGTH = 400;

    private final CommentLookup lookup;
    private final Viewers readers;
    private final PostingRules checks;
    private final GroupCommitWriter writer;
    private final IpHashes ipHashes;
    private final AuditLog audit;
    private final CommentPlacement placement;
    private final CommentPreviews previews;
    private final CommentMarkdown markdown;
    private final Clock clock;

    public AuthorEditsController(CommentLookup lookup, Viewers readers, PostingRules checks,
                                 GroupCommitWriter writer, IpHashes ipHashes, AuditLog audit, CommentPlacement placement,
                                 CommentPreviews previews, CommentMarkdown markdown, Clock clock) {
        this.lookup = lookup;
        this.readers = readers;
        this.checks = checks;
        this.writer = writer;
        this.ipHashes = ipHashes;
        this.audit = audit;
        this.placement = placement;
        this.previews = previews;
        this.markdown = markdown;
        this.clock = clock;
    }

    public void editForm(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = changeable(ctx, article);
        String stance = comment.stance() == null ? "" : comment.stance().value();
        renderEdit(ctx, article, comment, new TypedEdit(comment.authorName(), comment.body(), stance, null, null), 200);
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
        Comment comment = changeable(ctx, article);
        TypedEdit typed = TypedEdit.from(ctx);
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
        String name = Text.name(typed.name());
        String body = Text.body(typed.body());
        Optional<Stance> stance = Stance.fromValue(typed.stance());
        if (stance.isEmpty() && !typed.stance().isBlank()) {
            renderEdit(ctx, article, comment, typed.refused(CommentPosting.UNKNOWN_STANCE), 422);
            return;
        }
        AddressHash address = ipHashes.withFormer(ctx);
        Optional<Outcome.Refused> refused = checks.edit(comment, name, body, address);
        if (refused.isPresent()) {
            renderEdit(ctx, article, comment, typed.refused(refused.get().reason()), refused.get().status());
            return;
        }
        try {
            Stance kept = lookup.takesStance(comment) ? stance.orElse(null) : null;
            storeEdit(comment, name, body, kept, checks.screenEdit(body, address));
        } catch (JdbiException e) {
            if (!Database.isUnavailable(e)) {
                throw e;
            }
            renderEdit(ctx, article, comment, typed.refused("We could not save your changes just now. "
                    + "Your text is still here: please send it again in a minute."), 503);
            return;
        }
        ctx.redirect(placement.whereToSee(article.slug(), comment, Optional.empty()), HttpStatus.SEE_OTHER);
    }

    /**
     * Stores an edit through the writer, audited; words a post would wait with make the comment wait too. A changed
     * stance becomes the author's latest, and the tally moves with it.
     */
    private void storeEdit(Comment comment, String name, String body, Stance stance, Optional<Hold> screened) {
        writer.write(session -> {
            var comments = session.attach(CommentRepository.class);
            comments.edit(comment, name, body, stance, clock.instant());
            Comment stanced = comment.withStance(stance);
            screened.filter(hold -> comment.isPublished()).ifPresent(hold -> comments.hold(stanced, hold));
            audit.record(session.handle(), Actor.AUTHOR, "comment.author_edit", "comment", comment.id(),
                    described(comment.authorName(), comment.body(), comment.stance()), described(name, body, stance));
            return null;
        });
    }

    /** A comment as the audit log keeps it: who, what, and the stance if there is one. */
    private static String described(String name, String body, Stance stance) {
        return name + ": " + body + (stance == null ? "" : " [" + stance.value() + "]");
    }

    /**
     * Deletes the reader's comment once they have said yes: the button asks for a confirmation page first (a
     * script may ask in a dialog instead and send the yes along), then the reader is told it is done.
     */
    public void delete(Context ctx) {
        Article article = lookup.article(ctx);
        ChangedPages.ofArticle(ctx, article.slug());
        Comment comment = changeable(ctx, article);
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            ErrorPages.render(ctx, verdict.status(), verdict.refusal());
            return;
        }
        if (!"yes".equals(ctx.formParam("confirmed"))) {
            var model = readers.pageModel();
            model.put("article", article);
            model.put("commentPath", CommentPaths.comment(article.slug(), comment.id()));
            model.put("quoted", Text.excerpt(markdown.plainText(comment.body()), QUOTED_LENGTH));
            model.put("backPath", placement.whereToSee(article.slug(), comment, Optional.empty()));
            ctx.render("discussion/delete", model);
            return;
        }
        // The author's words leave the page, but the audit log keeps them: nothing disappears without a trace.
        writer.write(session -> {
            session.attach(CommentRepository.class).deleteByAuthor(comment, clock.instant());
            audit.record(session.handle(), Actor.AUTHOR, "comment.author_delete", "comment", comment.id(),
                    comment.authorName() + ": " + comment.body(), null);
            return null;
        });
        ctx.redirect(CommentPaths.comment(article.slug(), comment.id()) + "/deleted", HttpStatus.SEE_OTHER);
    }

    /** After a deletion: says it is done, and leads back to the discussion. */
    public void deleted(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = lookup.comment(ctx, article);
        if (!comment.isDeleted()) {
            throw new NotFoundResponse();
        }
        var model = readers.pageModel();
        model.put("article", article);
        model.put("discussionPath", placement.pageShowing(article.slug(), comment, Optional.empty()));
        ctx.render("discussion/deleted", model);
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
        ctx.status(status);
        ctx.render("discussion/edit", model);
    }

    /** The comment, if this reader wrote it and may still change it; otherwise a page saying why not. */
    private Comment changeable(Context ctx, Article article) {
        Comment comment = lookup.comment(ctx, article);
        if (!readers.viewer(ctx).canChange(comment)) {
            throw new ReaderFacingError(HttpStatus.FORBIDDEN, "You can change a comment only from the browser that "
                    + "posted it (or through your private link), and only for " + readers.editWindow().minutes()
                    + " minutes after posting.");
        }
        return comment;
    }
}
