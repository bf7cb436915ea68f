package org.roundtable.feed;

import java.time.Instant;

/** One published comment as a feed shows it, with where it was posted and its stance ({@code for}, … or null). */
public record FeedEntry(
        long id,
        String articleSlug,
        String articleTitle,
        String discussionKey,
        int discussionPosition,
        String discussionTitle,
        String authorName,
        String body,
        Instant createdAt,
        Instant editedAt,
        String stance) {

    public Instant updated() {
        return editedAt != null ? editedAt : createdAt;
    }

    public String title() {
        String where = discussionPosition == 0
                ? "\u201C" + articleTitle + "\u201D"
                : "proposal " + discussionPosition + ": " + discussionTitle;
        return authorName + " on " + where;
    }
}
