package org.roundtable.threads;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Visibility;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.PageDescription;
import org.roundtable.viewer.CommentView;
import org.roundtable.viewer.Viewer;
import org.roundtable.viewer.Viewers;

/**
 * A comment's own page: its permalink, the "Continue this thread" target for deep threads, and the place
 * where the reply form lives when JavaScript is off.
 */
public final class CommentPages {

    private final CommentLookup lookup;
    private final Jdbi jdbi;
    private final Threads threads;
    private final Viewers readers;

    public CommentPages(CommentLookup lookup, Jdbi jdbi, Threads threads, Viewers readers) {
        this.lookup = lookup;
        this.jdbi = jdbi;
        this.threads = threads;
        this.readers = readers;
    }

    /** A comment's own page: the comment with its replies, and the form to answer it. */
    public void show(Context ctx) {
        Article article = lookup.article(ctx);
        render(ctx, article, lookup.comment(ctx, article), null, ctx.queryParam("quote") != null);
    }

    /** Renders the page for {@code comment}; {@code typed} is a refused reply to show again, or null. */
    public void render(Context ctx, Article article, Comment comment, CommentForm typed) {
        render(ctx, article, comment, typed, false);
    }

    /** {@code quoting}: the reply form opens with the comment quoted (the way to quote without JavaScript). */
    private void render(Context ctx, Article article, Comment comment, CommentForm typed, boolean quoting) {
        Viewer viewer = readers.viewer(ctx);
        CommentView view = jdbi.withHandle(handle -> threads.subtree(
                        handle.attach(ThreadRepository.class).inThread(comment.rootId()),
                        comment.id(), article.slug(), viewer))
                // Nothing of it this reader may see: answered as a comment that never existed.
                .orElseThrow(NotFoundResponse::new);
        Discussion discussion = jdbi.onDemand(DiscussionRepository.class).findById(comment.discussionId()).orElseThrow();

        var model = readers.pageModel();
        model.put("article", article);
        model.put("discussionLabel", discussion.label());
        String discussionPath = CommentPaths.discussion(article.slug(), discussion.key());
        model.put("discussionPath", discussionPath);
        model.put("parentPath", comment.parentId() == null ? null : CommentPaths.comment(article.slug(), comment.parentId()));
        model.put("focus", view);
        model.put("description", description(view, discussion, article));
        model.put("threadHtml", new ThreadHtml(List.of(view), viewer, !discussion.locked(), ThreadHtml.Shape.FULL, discussionPath));
        boolean shown = Visibility.shownToReaders(comment.status());
        // A refused reply is handed back even in a locked discussion, so the words are not lost.
        model.put("canReply", shown && (!discussion.locked() || typed != null));
        model.put("locked", discussion.locked());
        CommentForm form = typed != null ? typed : CommentForm.blank(discussion.key(), comment.id());
        model.put("form", quoting && shown ? form.quoting(comment.body()) : form);
        model.put("quotePath", CommentPaths.comment(article.slug(), comment.id()) + "?quote#reply");
        ctx.render("discussion/comment", model);
    }

    /** Its first words, as the reader sees them; for a comment they may not see, where the thread is. */
    private static String description(CommentView view, Discussion discussion, Article article) {
        String words = CommentMarkdown.textOf(view.bodyHtml());
        return PageDescription.of(words.isEmpty()
                ? "A thread in " + discussion.label() + " on \u201C" + article.title() + "\u201D."
                : view.author() + ": " + words);
    }
}
