package org.roundtable.comment;

import java.time.Instant;

/**
 * A stored comment. {@code rootId} is the thread's top-level comment (itself for a top-level comment) and
 * {@code depth} its distance below it; {@code authorId} is the cookie identity that may still edit it;
 * {@code byArticleAuthor} marks what the article's own author wrote (as WordPress marks the post's author);
 * {@code stance} is where the writer of a top-level comment on a proposal stands on it, or null;
 * {@code movedFromPosition} the discussion a moderator moved it from (its position, 0 for the general one), or null;
 * {@code helpfulCount} how many readers marked it helpful.
 */
public record Comment(
        long id,
        long discussionId,
        Long parentId,
        long rootId,
        int depth,
        Long authorId,
        String authorName,
        String body,
        CommentStatus status,
        Instant createdAt,
        Instant editedAt,
        boolean editedByModerator,
        boolean byArticleAuthor,
        Stance stance,
        Integer movedFromPosition,
        int helpfulCount) {

    /** The name shown for someone who left the name field blank. */
    public static final String ANONYMOUS = "Anonymous";

    /** The same comment with its words, for a comment read without them. */
    public Comment withBody(String words) {
        return new Comment(id, discussionId, parentId, rootId, depth, authorId, authorName, words, status, createdAt,
                editedAt, editedByModerator, byArticleAuthor, stance, movedFromPosition, helpfulCount);
    }

    /** The same comment with another stance (or none). */
    public Comment withStance(Stance another) {
        return new Comment(id, discussionId, parentId, rootId, depth, authorId, authorName, body, status, createdAt,
                editedAt, editedByModerator, byArticleAuthor, another, movedFromPosition, helpfulCount);
    }

    public boolean isTopLevel() {
        return parentId == null;
    }

    /** Held, or set aside as spam: either way a moderator has yet to look at it. */
    public boolean isAwaitingModeration() {
        return status == CommentStatus.HELD || status == CommentStatus.SPAM;
    }

    public boolean isDeleted() {
        return status == CommentStatus.DELETED;
    }
}
