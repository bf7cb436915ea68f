package org.roundtable.discussion;

import java.time.Duration;
import java.time.Instant;

/** Who is reading, and when: decides which comments offer their author Edit and Delete. */
public record Viewer(Long authorId, Instant now, Duration editWindow) {

    public boolean canChange(Comment comment) {
        return comment.isPublished()
                && authorId != null
                && authorId.equals(comment.authorId())
                && now.isBefore(comment.createdAt().plus(editWindow));
    }
}
