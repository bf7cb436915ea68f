package org.roundtable.queue;

import java.time.Instant;
import java.util.List;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.Stance;
import org.roundtable.moderation.ModerationActions.Decision;

/** A comment as the moderation queue lists it, with where it stands and how often it was reported. */
public record QueueItem(
        long id,
        String articleSlug,
        String articleTitle,
        String discussionKey,
        int discussionPosition,
        String discussionTitle,
        String parentBody,
        String authorName,
        Long authorId,
        String body,
        CommentStatus status,
        String heldReason,
        Instant createdAt,
        String stance,
        int reportCount) {

    private static final int EXCERPT = 140;

    /** Why the comment waits for a moderator, while it does; null when it does not or the reason was not kept. */
    public String whyHeld() {
        return status == CommentStatus.HELD || status == CommentStatus.SPAM ? heldReason : null;
    }

    /** The writer's stance on the proposal, in words ("For"), or null. */
    public String stanceLabel() {
        return Stance.fromValue(stance).map(Stance::label).orElse(null);
    }

    public String where() {
        return Discussion.label(discussionPosition, discussionTitle);
    }

    public String parentExcerpt() {
        if (parentBody == null) {
            return null;
        }
        return parentBody.codePointCount(0, parentBody.length()) <= EXCERPT
                ? parentBody
                : parentBody.substring(0, parentBody.offsetByCodePoints(0, EXCERPT)) + "\u2026";
    }

    /** The decisions that make sense from where the comment stands now. */
    public List<Decision> decisions() {
        return switch (status) {
            case HELD -> List.of(Decision.APPROVE, Decision.REJECT, Decision.SPAM, Decision.DELETE);
            case PUBLISHED -> reportCount > 0
                    ? List.of(Decision.APPROVE, Decision.REJECT, Decision.SPAM, Decision.DELETE)
                    : List.of(Decision.REJECT, Decision.SPAM, Decision.DELETE);
            case REJECTED, SPAM, DELETED -> List.of(Decision.RESTORE);
        };
    }

    public String statusLabel() {
        return status.dbValue();
    }
}
