package org.roundtable.posting;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Sort;
import org.roundtable.threads.PageLinks;
import org.roundtable.threads.ThreadRepository;
import org.roundtable.threads.Threads;

/**
 * Where a reader sees a comment they just posted or edited: on the page of its discussion that holds its thread,
 * replies open, in the order they were reading it in. Under the article, the general discussion shows the threads
 * of its first page with their replies folded, so a new thread there, posted from the article, is seen on the
 * article.
 */
public final class CommentPlacement {

    private final Jdbi jdbi;

    public CommentPlacement(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The address that shows {@code comment}, scrolled to it; {@code pageOrder} is the order of the discussion page
     * the reader sent it from, or empty when they sent it from elsewhere.
     */
    public String whereToSee(String slug, Comment comment, Optional<Sort> pageOrder) {
        return pageShowing(slug, comment, pageOrder) + "#comment-" + comment.id();
    }

    /** The same page, not scrolled to the comment: where "back to the discussion" leads. */
    public String pageShowing(String slug, Comment comment, Optional<Sort> pageOrder) {
        if (comment.depth() >= Threads.SHOWN_LEVELS) {
            return CommentPaths.comment(slug, comment.parentId());
        }
        return jdbi.withHandle(handle -> {
            Discussion discussion = handle.attach(DiscussionRepository.class).findById(comment.discussionId()).orElseThrow();
            Comment root = comment.isTopLevel() ? comment
                    : handle.attach(CommentRepository.class).find(comment.rootId()).orElseThrow();
            Sort order = pageOrder.orElse(Sort.OLDEST);
            var page = new PageLinks(handle.attach(ThreadRepository.class), discussion, comment.authorId(), order, null).pageOf(root);
            if (pageOrder.isEmpty() && discussion.isGeneral() && comment.isTopLevel() && page.number() == 1) {
                return CommentPaths.article(slug);
            }
            return CommentPaths.discussionPage(CommentPaths.discussion(slug, discussion.key()), order, null, page.number(),
                    page.after());
        });
    }
}
