package org.roundtable.author;

import java.time.Instant;

/** One of an author's own comments, as their private page lists it. */
public record AuthoredComment(
        long id,
        String articleSlug,
        String articleTitle,
        int discussionPosition,
        String body,
        Instant createdAt,
        Instant editedAt) {

    private static final int EXCERPT_LENGTH = 160;

    public String where() {
        return discussionPosition == 0 ? "General discussion" : "Proposal " + discussionPosition;
    }

    public String excerpt() {
        return body.codePointCount(0, body.length()) <= EXCERPT_LENGTH
                ? body
                : body.substring(0, body.offsetByCodePoints(0, EXCERPT_LENGTH)) + "\u2026";
    }
}
