package org.roundtable.author;

import java.time.Instant;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.Text;

/** One of an author's own comments, as their private page lists it. */
public record AuthoredComment(
        long id,
        String articleSlug,
        String articleTitle,
        int discussionPosition,
        String discussionTitle,
        String body,
        Instant createdAt,
        Instant editedAt) {

    private static final int EXCERPT_LENGTH = 160;

    public String where() {
        return Discussion.label(discussionPosition, discussionTitle);
    }

    /** The start of {@code words} (the comment as readers see it, without its Markdown), cut at 160 characters. */
    static String excerpt(String words) {
        return Text.excerpt(words, EXCERPT_LENGTH);
    }
}
