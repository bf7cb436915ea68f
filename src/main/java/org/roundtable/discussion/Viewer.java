package org.roundtable.discussion;

import java.time.Duration;
import java.time.Instant;

/**
 * Who is reading, and when: decides what they see and which comments offer them Edit and Delete.
 * {@code formToken} goes into the forms on their page; {@code privateLink} is their new private link while it
 * waits to be seen, or null.
 */
public record Viewer(Long authorId, Instant now, Duration editWindow, String formToken, PrivateLinkNotice privateLink) {

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
                && now.isBefore(comment.createdAt().plus(editWindow));
    }

    private boolean isAuthorOf(Comment comment) {
        return authorId != null && authorId.equals(comment.authorId());
    }
}
