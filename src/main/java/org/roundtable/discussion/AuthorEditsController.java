package org.roundtable.discussion;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.roundtable.article.Article;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.db.Database;
import org.roundtable.db.Writer;
import org.roundtable.discussion.CommentPosting.Outcome;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;
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
    private final Readers readers;
    private final FormTokens formTokens;
    private final PostChecks checks;
    private final Writer writer;
    private final IpHashes ipHashes;
    private final AuditLog audit;
    private final CommentPlacement placement;
    private final CommentPreviews previews;
    private final CommentMarkdown markdown;
    private final Clock clock;

    public AuthorEditsController(CommentLookup lookup, Readers readers, FormTokens formTokens, PostChecks checks,
                                 Writer writer, IpHashes ipHashes, AuditLog audit, CommentPlacement placement,
                                 CommentPreviews previews, CommentMarkdown markdown, Clock clock) {
        this.lookup = lookup;
        this.readers = readers;
        this.formTokens = formTokens;
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
        renderEdit(ctx, article, comment, new TypedEdit(comment.authorName(), comment.body(), null, null), 200);
    }

    /** The edit form as typed, with what went wrong ({@code error}) or how it would look ({@code previewHtml}), or neither. */
    private record TypedEdit(String name, String body, String error, String previewHtml) {}

    public void edit(Context ctx) {
        Article article = lookup.article(ctx);
        ChangedPages.ofArticle(ctx, article.slug());
        Comment comment = changeable(ctx, article);
        String typedName = Forms.field(ctx, "name");
        String typedBody = Forms.field(ctx, "body");
        if (CommentPreviews.asked(ctx)) {
            renderEdit(ctx, article, comment, new TypedEdit(typedName, typedBody, null, previews.render(typedBody)), 200);
            return;
        }
        FormTokens.Verdict verdict = formTokens.check(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            renderEdit(ctx, article, comment, new TypedEdit(typedName, typedBody, verdict.refusal(), null), verdict.status());
            return;
        }
        String name = Text.name(typedName);
        String body = Text.body(typedBody);
        String ipHash = ipHashes.of(ctx);
        Optional<Outcome.Refused> refused = checks.edit(comment, name, body, ipHash);
        if (refused.isPresent()) {
            renderEdit(ctx, article, comment, new TypedEdit(typedName, typedBody, refused.get().reason(), null),
                    refused.get().status());
            return;
        }
        try {
            storeEdit(comment, name, body, checks.screenEdit(body, ipHash));
        } catch (JdbiException e) {
            if (!Database.isUnavailable(e)) {
                throw e;
            }
            renderEdit(ctx, article, comment, new TypedEdit(typedName, typedBody, "We could not save your changes just now. "
                    + "Your text is still here: please send it again in a minute.", null), 503);
            return;
        }
        ctx.redirect(placement.whereToSee(article.slug(), comment, Optional.empty()), HttpStatus.SEE_OTHER);
    }

    /** Stores an edit through the writer, audited; words a post would wait with make the comment wait too. */
    private void storeEdit(Comment comment, String name, String body, Optional<Hold> screened) {
        writer.write(session -> {
            var comments = session.attach(CommentRepository.class);
            comments.edit(comment.id(), name, body, clock.instant());
            screened.filter(hold -> comment.isPublished()).ifPresent(hold -> comments.hold(comment, hold));
            audit.record(session.handle(), Actor.AUTHOR, "comment.author_edit", "comment", comment.id(),
                    comment.authorName() + ": " + comment.body(), name + ": " + body);
            return null;
        });
    }

    /**
     * Deletes the reader's comment once they have said yes: the button asks for a confirmation page first (a
     * script may ask in a dialog instead and send the yes along), then the reader is told it is done.
     */
    public void delete(Context ctx) {
        Article article = lookup.article(ctx);
        ChangedPages.ofArticle(ctx, article.slug());
        Comment comment = changeable(ctx, article);
        FormTokens.Verdict verdict = formTokens.check(ctx).verdict();
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
        ctx.status(status);
        ctx.render("discussion/edit", model);
    }

    /** The comment, if this reader wrote it and may still change it; otherwise a page saying why not. */
    private Comment changeable(Context ctx, Article article) {
        Comment comment = lookup.comment(ctx, article);
        if (!readers.viewer(ctx).canChange(comment)) {
            throw new ReaderFacingError(HttpStatus.FORBIDDEN, "You can change a comment only from the browser that "
                    + "posted it (or through your private link), and only for " + readers.editWindow().toMinutes()
                    + " minutes after posting.");
        }
        return comment;
    }
}
