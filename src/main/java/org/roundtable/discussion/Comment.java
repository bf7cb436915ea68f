package org.roundtable.discussion;

import java.time.Instant;

/** A stored comment. {@code rootId} is the thread's top-level comment (itself for a top-level comment). */
public record Comment(
        long id,
        long discussionId,
        Long parentId,
        long rootId,
        int depth,
        String authorName,
        String body,
        CommentStatus status,
        Instant createdAt,
        Instant editedAt) {

    /** The name shown for someone who left the name field blank. */
    public static final String ANONYMOUS = "Anonymous";
}
