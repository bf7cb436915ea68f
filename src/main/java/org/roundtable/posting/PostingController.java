package org.roundtable.posting;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.antispam.SpamScreen;
import org.roundtable.article.Article;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.AuthorRepository;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.Sort;
import org.roundtable.db.Database;
import org.roundtable.db.GroupCommitWriter;
import org.roundtable.operations.Metrics;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.posting.CommentPosting.Outcome;
import org.roundtable.threads.CommentForm;
import org.roundtable.threads.CommentLookup;
import org.roundtable.web.Forms;
import org.roundtable.web.RetryAfter;

/**
 * Posting and replying. Works without JavaScript: success is a 303 to where the comment can be seen; a refusal
 * shows the form again, as typed, with the reason, on the page it was sent from; so does a preview.
 */
public final class PostingController {

    private final CommentLookup lookup;
    private final PostingRules checks;
    private final CommentPosting posting;
    private final GroupCommitWriter writer;
    private final AuthorCookies authors;
    private final Posters posters;
    private final Metrics metrics;
    private final CommentPlacement placement;
    private final TypedForms typedForms;
    private final CommentPreviews previews;
    private final Jdbi jdbi;

    public PostingController(CommentLookup lookup, PostingRules checks, CommentPosting posting, GroupCommitWriter writer,
                             AuthorCookies authors, Posters posters, Metrics metrics,
                             CommentPlacement placement, TypedForms typedForms, CommentPreviews previews, Jdbi jdbi) {
        this.lookup = lookup;
        this.checks = checks;
        this.posting = posting;
        this.writer = writer;
        this.authors = authors;
        this.posters = posters;
        this.metrics = metrics;
        this.placement = placement;
        this.typedForms = typedForms;
        this.previews = previews;
        this.jdbi = jdbi;
    }

    public void post(Context ctx) {
        if (CommentPreviews.asked(ctx)) {
            previews.showWithForm(ctx);
            return;
        }
        Article article = lookup.article(ctx);
        ChangedPages.ofArticle(ctx, article.slug());
        CommentForm form = CommentForm.from(ctx);
        Posters.Poster poster = posters.of(ctx);
        // Every check reads through this one handle (jdbi lends it to the nested calls on this thread), and it is
        // given back before the comment waits for the writer.
        Outcome checked = jdbi.withHandle(handle -> checks.post(handle, article, form, poster.token(), poster.authorId(),
                poster.address(), Forms.field(ctx, SpamScreen.HONEYPOT)));
        Outcome outcome = checked instanceof Outcome.Planned plan ? store(ctx, plan, poster.known()) : checked;
        if (outcome instanceof Outcome.Posted posted) {
            Optional<Sort> pageOrder = form.sentFromDiscussionPage() ? Optional.of(Sort.fromParam(form.sort())) : Optional.empty();
            ctx.redirect(placement.whereToSee(article.slug(), posted.comment(), pageOrder), HttpStatus.SEE_OTHER);
        } else {
            var refused = (Outcome.Refused) outcome;
            RetryAfter.set(ctx, refused.retryAfter());
            typedForms.showAgain(ctx, article, form.refused(refused.reason()), refused.status());
        }
    }

    /** What storing a post did: who the author turned out to be, and their private link if it is their first. */
    private record Stored(Author author, Comment comment, String privateLink) {}

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
                return new Stored(author, comment, first ? authors.newPrivateLink(authorRepository, author) : null);
            });
            if (known.isEmpty()) {
                authors.remember(ctx, stored.author());
            }
            metrics.commentPosted(stored.comment().status());
            if (stored.privateLink() != null) {
                authors.showPrivateLink(ctx, stored.comment().id(), stored.privateLink());
            }
            return new Outcome.Posted(stored.comment());
        } catch (FloodControl.Flooded e) {
            return Outcome.Refused.flooded(e);
        } catch (JdbiException e) {
            if (!Database.isUnavailable(e)) {
                throw e;
            }
            return new Outcome.Refused(503, "We could not save your comment just now. Your text is still here: "
                    + "please send it again in a minute.");
        }
    }
}
