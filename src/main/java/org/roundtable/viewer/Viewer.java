package org.roundtable.viewer;

import java.time.Instant;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.PrivateLinkNotice;
import org.roundtable.comment.Comment;
import org.roundtable.comment.EditWindow;
import org.roundtable.comment.Visibility;

/**
 * Who is reading, and when: decides what they see and which comments offer them Edit and Delete.
 * {@code formToken} goes into the forms on their page; {@code privateLink} is their new private link while it
 * waits to be seen, or null; {@code recentMark} the "helpful" mark they set or took back a moment ago, or null;
 * {@code banned} whether a ban on them or their address is in force, which takes away Edit and Delete too.
 */
public record Viewer(Long authorId, Instant now, EditWindow editWindow, String formToken, PrivateLinkNotice privateLink,
                     AuthorCookies.RecentMark recentMark, boolean banned) {

    /** Whether this reader just marked {@code comment} helpful (and has not taken it back). */
    public boolean justMarked(CommentView comment) {
        return recentMark != null && recentMark.commentId() == comment.id() && recentMark.marked();
    }

    /** Whether this reader just took their mark back from {@code comment}. */
    public boolean justUnmarked(CommentView comment) {
        return recentMark != null && recentMark.commentId() == comment.id() && !recentMark.marked();
    }

    /** Whether this reader sees the comment's words: every reader does (rule 1), or they wrote it (rule 3). */
    public boolean canSee(Comment comment) {
        return Visibility.shownToReaders(comment.status()) || Visibility.shownToItsAuthor(comment, authorId);
    }

    /**
     * The author may change their comment while they see it, until the edit window closes, unless they are banned:
     * a ban is a moderator's answer to what they wrote, and deleting it would take the evidence with it.
     */
    public boolean canChange(Comment comment) {
        return !banned
                && canSee(comment)
                && Visibility.isItsAuthor(comment, authorId)
                && editWindow.isOpen(comment.createdAt(), now);
    }

    /** How many minutes the edit window leaves them to change {@code comment}, counted up (see EditWindow). */
    public long minutesLeftToChange(Comment comment) {
        return editWindow.minutesLeft(comment.createdAt(), now);
    }
}
