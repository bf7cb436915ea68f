package org.roundtable.queue;

import org.roundtable.comment.Discussion;

import java.time.Instant;

/** How a discussion is doing, for the dashboard. */
public record DiscussionActivity(
        long discussionId,
        String articleSlug,
        String articleTitle,
        int position,
        String title,
        boolean locked,
        int published,
        int held,
        Instant lastCommentAt) {

    public String label() {
        return Discussion.label(position, title);
    }
}
