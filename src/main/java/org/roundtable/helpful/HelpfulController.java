package org.roundtable.helpful;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.roundtable.antispam.FloodControl;
import org.roundtable.article.Article;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorComments;
import org.roundtable.author.AuthorCookies;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.security.FormTokens;
import org.roundtable.threads.CommentLookup;
import org.roundtable.web.Forms;
import org.roundtable.web.ReaderFacingError;
import org.roundtable.web.RetryAfter;

/**
 * "Helpful" on every comment: a reader marks it, once per browser (its author cookie, made on the first mark that
 * is stored), and may take the mark back. Its count takes at most {@code marksPerAddress} marks from one address
 * ({@link HelpfulMarks}); a reader beyond those still sees their button pressed. The form works without JavaScript and returns the reader
 * to the comment; the script sends the same form and asks for JSON. Counts on everyone's cached pages catch up within seconds:
 * a mark makes only its article's pages stale, and those at most once every few seconds.
 */
public final class HelpfulController {

    /** What the script is told: the mark as it now stands and the comment's count, or why it was refused. */
    record Marked(boolean helpful, int count) {}

    /** The comments this browser marked, and those its author wrote (which offer no Helpful, and are never "new"). */
    record Marks(List<Long> marked, List<Long> mine) {}

    record Refused(String error) {}

    private final CommentLookup lookup;
    private final HelpfulMarks marks;
    private final AuthorCookies authors;
    private final AuthorComments ownComments;

    public HelpfulController(CommentLookup lookup, HelpfulMarks marks, AuthorCookies authors, AuthorComments ownComments) {
        this.lookup = lookup;
        this.marks = marks;
        this.authors = authors;
        this.ownComments = ownComments;
    }

    /** {@code helpful=yes} marks the comment, {@code helpful=no} takes the mark back: sending either twice is harmless. */
    public void mark(Context ctx) {
        ChangedPages.none(ctx);
        Article article = lookup.article(ctx);
        Optional<Comment> shown = lookup.shownToReaders(ctx, article);
        if (shown.isEmpty()) {
            refuse(ctx, HttpStatus.NOT_FOUND.getCode(), "This comment is not shown, so it cannot be marked.");
            return;
        }
        Comment comment = shown.get();
        boolean helpful = !"no".equals(Forms.field(ctx, "helpful"));
        FormTokens.Verdict verdict = FormTokens.verdictOf(ctx).verdict();
        if (verdict != FormTokens.Verdict.VALID) {
            refuse(ctx, verdict.status(), verdict.refusal());
            return;
        }
        Optional<Author> known = authors.current(ctx);
        if (known.isPresent() && comment.authorId() != null && known.get().id() == comment.authorId()) {
            refuse(ctx, HttpStatus.UNPROCESSABLE_CONTENT.getCode(),
                    "This is your own comment: “Helpful” is for what other readers wrote.");
            return;
        }
        if (known.isEmpty() && !helpful) {
            // A browser without a cookie has no mark to take back: nothing to store, nobody to remember.
            answer(ctx, article, comment, false, comment.helpfulCount());
            return;
        }
        HelpfulMarks.Stored stored;
        try {
            stored = marks.mark(comment, known, ctx.ip(), helpful);
        } catch (FloodControl.Flooded e) {
            RetryAfter.set(ctx, e.retryAfter());
            refuse(ctx, HttpStatus.TOO_MANY_REQUESTS.getCode(), e.getMessage());
            return;
        }
        if (known.isEmpty()) {
            authors.remember(ctx, stored.reader());
        }
        ChangedPages.countsOfArticle(ctx, article.slug());
        answer(ctx, article, comment, helpful, stored.count());
    }

    /** The script gets the mark and the count as JSON; a form goes back to the comment, shown pressed or not. */
    private void answer(Context ctx, Article article, Comment comment, boolean helpful, int count) {
        authors.showRecentMark(ctx, new AuthorCookies.RecentMark(comment.id(), helpful));
        if (wantsJson(ctx)) {
            ctx.json(new Marked(helpful, count));
        } else {
            ctx.redirect(back(ctx, article) + "#comment-" + comment.id(), HttpStatus.SEE_OTHER);
        }
    }

    /**
     * The comments of this article the reader's browser marked helpful, for the script to show their buttons
     * pressed, and those the reader wrote, which the scripts treat as theirs once the shared page no longer can
     * (after the edit window): personal, so never stored by a cache, and kept off the shared pages.
     */
    public void marked(Context ctx) {
        Article article = lookup.article(ctx);
        Marks answer = authors.current(ctx)
                .map(reader -> new Marks(marks.marked(reader.id(), article.id()), ownComments.idsOn(reader, article.id())))
                .orElse(new Marks(List.of(), List.of()));
        // No-store even for a browser without marks; the varying by cookie is web/Personal's, as on every page.
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(answer);
    }

    private void refuse(Context ctx, int status, String message) {
        if (wantsJson(ctx)) {
            ctx.status(status).json(new Refused(message));
            return;
        }
        throw new ReaderFacingError(HttpStatus.forStatus(status), message);
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.startsWith("application/json");
    }

    /** The page of this article the reader pressed the button on, or else the article. */
    private static String back(Context ctx, Article article) {
        String articlePath = CommentPaths.article(article.slug());
        return Optional.ofNullable(ctx.header("Referer"))
                .flatMap(HelpfulController::pathAndQuery)
                .filter(path -> path.equals(articlePath) || path.startsWith(articlePath + "/") || path.startsWith(articlePath + "?"))
                .orElse(articlePath);
    }

    private static Optional<String> pathAndQuery(String address) {
        try {
            URI uri = URI.create(address);
            return Optional.ofNullable(uri.getRawPath())
                    .map(path -> uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
