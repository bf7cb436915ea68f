package org.roundtable.discussion;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.antispam.SpamScreen;
import org.roundtable.article.Article;
import org.roundtable.article.ArticleController;
import org.roundtable.audit.Actor;
import org.roundtable.db.Database;
import org.roundtable.db.Writer;
import org.roundtable.audit.AuditLog;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.AuthorRepository;
import org.roundtable.moderation.Bans;
import org.roundtable.security.IpHashes;
import org.roundtable.discussion.CommentPosting.Outcome;
import org.roundtable.security.FormTokens;
import org.roundtable.web.ErrorPages;
import org.roundtable.web.Forms;
import org.roundtable.web.Metrics;
import org.roundtable.web.ReaderFacingError;

/**
 * Posting, replying, and an author's own edits and deletions. Every form works without JavaScript:
 * success is a 303 to where the comment can be seen; a refusal shows the form again, as typed, with the reason.
 */
public final class DiscussionController {

    /** How much of a comment the delete confirmation quotes. */
    private static final int QUOTED_LENGTH = 400;

    private final CommentLookup lookup;
    private final ArticleController articlePage;
    private final CommentPosting posting;
    private final CommentPages commentPages;
    private final AuthorCookies authors;
    private final FormTokens formTokens;
    private final Readers readers;
    private final Bans bans;
    private final SpamScreen spam;
    private final Writer writer;
    private final IpHashes ipHashes;
    private final AuditLog audit;
    private final Metrics metrics;
    private final Jdbi jdbi;
    private final CommentMarkdown markdown;
    private final Clock clock;

    public DiscussionController(CommentLookup lookup, ArticleController articlePage, CommentPosting posting,
                                CommentPages commentPages, AuthorCookies authors, FormTokens formTokens,
                                Readers readers, Bans bans, SpamScreen spam, Writer writer, IpHashes ipHashes,
                                AuditLog audit, Metrics metrics, Jdbi jdbi, CommentMarkdown markdown, Clock clock) {
        this.lookup = lookup;
        this.articlePage = articlePage;
        this.posting = posting;
        this.commentPages = commentPages;
        this.authors = authors;
        this.formTokens = formTokens;
        this.readers = readers;
        this.bans = bans;
        this.spam = spam;
        this.writer = writer;
        this.ipHashes = ipHashes;
        this.audit = audit;
        this.metrics = metrics;
        this.jdbi = jdbi;
        this.markdown = markdown;
        this.clock = clock;
    }

    public void post(Context ctx) {
        CommentForm form = CommentForm.from(ctx);
        FormTokens.Check token = formTokens.check(ctx);
        String ipHash = ipHashes.of(ctx);
        Optional<Author> known = authors.current(ctx);
        // Every check reads through this one handle (jdbi lends it to the nested calls on this thread), and it is
        // given back before the comment waits for the writer.
        Checked checked = jdbi.withHandle(handle -> check(ctx, handle, form, token, known, ipHash));
        Outcome outcome = checked.outcome() instanceof Outcome.Planned plan ? store(ctx, plan, known) : checked.outcome();
        if (outcome instanceof Outcome.Posted posted) {
            ctx.redirect(whereToSee(checked.article().slug(), posted.comment()), HttpStatus.SEE_OTHER);
        } else {
            var refused = (Outcome.Refused) outcome;
            showAgain(ctx, checked.article(), form.refused(refused.reason()), refused.status());
        }
    }

    /** The article posted to, and whether the post may be stored ({@link Outcome.Planned}) or why not. */
    private record Checked(Article article, Outcome outcome) {}

    private Checked check(Context ctx, Handle handle, CommentForm form, FormTokens.Check token, Optional<Author> known,
                          String ipHash) {
        Article article = lookup.article(ctx);
        Long authorId = known.map(Author::id).orElse(null);
        Outcome outcome = refusal(handle, token, form, authorId, ipHash)
                .map(Outcome.class::cast)
                .orElseGet(() -> posting.plan(handle, article, form, authorId, ipHash,
                        spam.screen(Forms.field(ctx, SpamScreen.HONEYPOT), token, Text.body(form.body()), ipHash)));
        return new Checked(article, outcome);
    }

    /** What storing a post did: who the author turned out to be, and their private link if it is their first. */
    private record Stored(Author author, Outcome outcome, String privateLink) {}

    /**
     * Stores the comment through the group-commit writer, with a new author identity and a first-timer's private
     * link in the same unit; once it returns, all of it is on disk. A database that cannot write is a 503.
     */
    private Outcome store(Context ctx, Outcome.Planned plan, Optional<Author> known) {
        try {
            Stored stored = writer.write(session -> {
                var authorRepository = session.attach(AuthorRepository.class);
                var comments = session.attach(CommentRepository.class);
                Author author = known.orElseGet(() -> authors.create(authorRepository));
                Comment comment = posting.store(comments, session.attach(PostQuotas.class), plan, author.id());
                boolean first = known.isEmpty() || posting.isFirstComment(comments, comment);
                return new Stored(author, new Outcome.Posted(comment), first ? authors.newPrivateLink(authorRepository, author) : null);
            });
            if (known.isEmpty()) {
                authors.remember(ctx, stored.author());
            }
            metrics.commentPosted(((Outcome.Posted) stored.outcome()).comment().status());
            if (stored.privateLink() != null) {
                authors.showPrivateLink(ctx, stored.privateLink());
            }
            return stored.outcome();
        } catch (FloodControl.Flooded e) {
            return new Outcome.Refused(429, e.getMessage());
        } catch (JdbiException e) {
            if (!Database.isUnavailable(e)) {
                throw e;
            }
            return new Outcome.Refused(503, "We could not save your comment just now. Your text is still here: "
                    + "please send it again in a minute.");
        }
    }

    /**
     * Why a post is refused before anything is stored: sent from another site, text out of bounds, a ban,
     * or a flood. What merely looks like spam is not refused but held; see {@link SpamScreen}.
     */
    private Optional<Outcome.Refused> refusal(Handle handle, FormTokens.Check token, CommentForm form, Long authorId,
                                              String ipHash) {
        if (token.verdict() == FormTokens.Verdict.FOREIGN_ORIGIN) {
            return Optional.of(new Outcome.Refused(403, refusal(token.verdict())));
        }
        return CommentPosting.problemWithText(Text.name(form.name()), Text.body(form.body()))
                .map(problem -> new Outcome.Refused(422, problem))
                .or(() -> bans.refusalFor(authorId, ipHash).map(reason -> new Outcome.Refused(403, reason)))
                .or(() -> posting.flood(handle, authorId, ipHash));
    }

    /** A comment's own page: the comment with its replies, and the form to answer it. */
    public void show(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = lookup.comment(ctx, article);
        commentPages.render(ctx, article, comment, null);
    }

    public void editForm(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = changeable(ctx, article);
        renderEdit(ctx, article, comment, comment.authorName(), comment.body(), null, 200);
    }

    public void edit(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = changeable(ctx, article);
        String typedName = Forms.field(ctx, "name");
        String typedBody = Forms.field(ctx, "body");
        FormTokens.Verdict verdict = formTokens.check(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            renderEdit(ctx, article, comment, typedName, typedBody, refusal(verdict), status(verdict));
            return;
        }
        String name = Text.name(typedName);
        String body = Text.body(typedBody);
        String ipHash = ipHashes.of(ctx);
        Optional<Outcome.Refused> refused = editRefusal(comment, name, body, ipHash);
        if (refused.isPresent()) {
            renderEdit(ctx, article, comment, typedName, typedBody, refused.get().reason(), refused.get().status());
            return;
        }
        try {
            storeEdit(comment, name, body, spam.screenWords(body, ipHash));
        } catch (JdbiException e) {
            if (!Database.isUnavailable(e)) {
                throw e;
            }
            renderEdit(ctx, article, comment, typedName, typedBody, "We could not save your changes just now. Your text is "
                    + "still here: please send it again in a minute.", 503);
            return;
        }
        ctx.redirect(whereToSee(article.slug(), comment), HttpStatus.SEE_OTHER);
    }

    /** An edit passes the rules a new post passes: its text, the discussion's lock, a ban on its author or address. */
    private Optional<Outcome.Refused> editRefusal(Comment comment, String name, String body, String ipHash) {
        return CommentPosting.problemWithText(name, body).map(problem -> new Outcome.Refused(422, problem))
                .or(() -> jdbi.onDemand(DiscussionRepository.class).findById(comment.discussionId())
                        .filter(Discussion::locked).map(locked -> new Outcome.Refused(403, CommentPosting.LOCKED)))
                .or(() -> bans.refusalFor(comment.authorId(), ipHash).map(reason -> new Outcome.Refused(403, reason)));
    }

    /** Stores an edit through the writer, audited; words a post would wait with make the comment wait too. */
    private void storeEdit(Comment comment, String name, String body, Optional<CommentStatus> screened) {
        writer.write(session -> {
            var comments = session.attach(CommentRepository.class);
            comments.edit(comment.id(), name, body, clock.instant());
            screened.filter(status -> comment.isPublished()).ifPresent(status -> comments.changeStatus(comment, status));
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
        Comment comment = changeable(ctx, article);
        FormTokens.Verdict verdict = formTokens.check(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            ErrorPages.render(ctx, status(verdict), refusal(verdict));
            return;
        }
        if (!"yes".equals(ctx.formParam("confirmed"))) {
            var model = readers.personalModel(ctx);
            model.put("article", article);
            model.put("commentPath", CommentPaths.comment(article.slug(), comment.id()));
            model.put("quoted", Text.excerpt(markdown.plainText(comment.body()), QUOTED_LENGTH));
            model.put("backPath", CommentPaths.anchorOnArticle(article.slug(), comment.id()));
            ctx.render("discussion/delete", model);
            return;
        }
        // The author's words leave the page, but the audit log keeps them: nothing disappears without a trace.
        jdbi.useTransaction(handle -> {
            handle.attach(CommentRepository.class).deleteByAuthor(comment, clock.instant());
            audit.record(handle, Actor.AUTHOR, "comment.author_delete", "comment", comment.id(),
                    comment.authorName() + ": " + comment.body(), null);
        });
        ctx.redirect(CommentPaths.comment(article.slug(), comment.id()) + "/deleted", HttpStatus.SEE_OTHER);
    }

    /** After a deletion: says it is done, and leads back to the discussion. */
    public void deleted(Context ctx) {
        Article article = lookup.article(ctx);
        Comment comment = Ids.parse(ctx.pathParam("id"))
                .flatMap(id -> jdbi.onDemand(CommentRepository.class).findInArticle(id, article.id()))
                .filter(Comment::isDeleted)
                .orElseThrow(NotFoundResponse::new);
        Discussion discussion = jdbi.onDemand(DiscussionRepository.class).findById(comment.discussionId()).orElseThrow();
        var model = readers.personalModel(ctx);
        model.put("article", article);
        model.put("discussionPath", CommentPaths.article(article.slug()) + "#" + DiscussionView.anchor(discussion));
        ctx.render("discussion/deleted", model);
    }

    /** A refused reply goes back to the page of the comment it answers; anything else to the article. */
    private void showAgain(Context ctx, Article article, CommentForm typed, int status) {
        ctx.status(status);
        Optional<Comment> parent = Ids.parse(typed.parentId())
                .flatMap(id -> jdbi.onDemand(CommentRepository.class).findInArticle(id, article.id()))
                .filter(Comment::isPublished);
        if (typed.isReply() && parent.isPresent()) {
            commentPages.render(ctx, article, parent.get(), typed);
            return;
        }
        boolean knownDiscussion = jdbi.onDemand(DiscussionRepository.class).find(article.id(), typed.discussionKey()).isPresent();
        articlePage.render(ctx, article.slug(),
                knownDiscussion ? typed.asTopLevel() : typed.asTopLevel().inDiscussion(Discussion.GENERAL));
    }

    /**
     * Right under the article while its thread is on the article's first page and nests that deep there;
     * otherwise on the page of its thread, or of its parent when the thread is deeper than a page nests.
     */
    private String whereToSee(String slug, Comment comment) {
        if (comment.depth() >= Threads.SHOWN_LEVELS) {
            return CommentPaths.comment(slug, comment.parentId()) + "#comment-" + comment.id();
        }
        return jdbi.withHandle(handle -> {
            var comments = handle.attach(CommentRepository.class);
            Comment root = comment.isTopLevel() ? comment : comments.find(comment.rootId()).orElseThrow();
            int perPage = ThreadPages.THREADS_PER_PAGE;
            boolean onFirstPage = comments.threadsEarlierThan(comment.discussionId(), comment.authorId(),
                    root.createdAt(), root.id(), perPage) < perPage;
            return onFirstPage
                    ? CommentPaths.anchorOnArticle(slug, comment.id())
                    : CommentPaths.comment(slug, root.id()) + "#comment-" + comment.id();
        });
    }

    private static String refusal(FormTokens.Verdict verdict) {
        return switch (verdict) {
            case EXPIRED -> "This page was open for a long time, so we could not accept the form as it was."
                    + " Your text is still here: please send it again.";
            case FOREIGN_ORIGIN -> "This form was sent from another site, so we did not accept it.";
            default -> "We could not verify this form. Your text is still here: please send it again.";
        };
    }

    private static int status(FormTokens.Verdict verdict) {
        return verdict == FormTokens.Verdict.FOREIGN_ORIGIN ? 403 : 400;
    }

    private void renderEdit(Context ctx, Article article, Comment comment, String name, String body, String error,
                            int status) {
        var model = readers.personalModel(ctx);
        model.putAll(Map.of(
                "article", article,
                "commentPath", CommentPaths.comment(article.slug(), comment.id()),
                "name", name,
                "body", body));
        model.put("error", error);
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
