package org.roundtable.threads;

import java.time.Instant;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.PrivateLinkNotice;
import org.roundtable.comment.Comment;
import org.roundtable.comment.EditWindow;

/**
 * Who is reading, and when: decides what they see and which comments offer them Edit and Delete.
 * {@code formToken} goes into the forms on their page; {@code privateLink} is their new private link while it
 * waits to be seen, or null; {@code recentMark} the "helpful" mark they set or took back a moment ago, or null.
 */
public record Viewer(Long authorId, Instant now, EditWindow editWindow, String formToken, PrivateLinkNotice privateLink,
                     AuthorCookies.RecentMark recentMark) {

    /** Whether this reader just marked {@code comment} helpful (and has not taken it back). */
    public boolean justMarked(CommentView comment) {
        return recentMark != null && recentMark.commentId() == comment.id() && recentMark.marked();
    }

    /** Whether this reader just took their mark back from {@code comment}. */
    public boolean justUnmarked(CommentView comment) {
        return recentMark != null && recentMark.commentId() == comment.id() && !recentMark.marked();
    }

    /**
     * Everyone sees published comments; an author also sees their own comment while it awaits moderation,
     * including one the spam defences set aside, so a person is never left wondering where it went.
     */
    public boolean canSee(Comment comment) {
        return comment.isPublished() || (comment.isAwaitingModeration() && isAuthorOf(comment));
    }

    public boolean canChange(Comment comment) {
        return (comment.isPublished() || comment.isAwaitingModeration())
                && isAuthorOf(comment)
                && editWindow.isOpen(comment.createdAt(), now);
    }

    private boolean isAuthorOf(Comment comment) {
        return authorId != null && authorId.equals(comment.authorId());
    }
}
