package org.roundtable.viewer;

import java.util.List;
import org.roundtable.comment.Stance;

/**
 * A comment as the page shows it, with the replies shown beneath it. {@code placeholder} stands in for a
 * comment the reader may not see but whose replies they may ("[deleted]", "[removed]"), and is null otherwise.
 * {@code moreReplies} is true when the thread goes deeper than the page nests and continues on the comment's
 * own page at {@code path}. {@code byArticleAuthor} marks the article's own author, as WordPress marks a post's;
 * {@code stance} is the writer's stance on the proposal, or null; {@code movedFrom} names the discussion a
 * moderator moved it from ("Proposal 4"), or is null; {@code faceSvg} the writer's identicon, or null for a placeholder; {@code helpfulCount} how many readers marked it helpful.
 */
public record CommentView(
        long id,
        String path,
        String author,
        String faceSvg,
        boolean byArticleAuthor,
        Stance stance,
        String movedFrom,
        String isoTime,
        String readableTime,
        String bodyHtml,
        boolean edited,
        boolean editedByModerator,
        String placeholder,
        boolean awaitingModeration,
        boolean changeable,
        int helpfulCount,
        List<CommentView> replies,
        boolean moreReplies) {

    /** How many replies are shown beneath this comment, at every depth. */
    public int replyCount() {
        return replies.stream().mapToInt(reply -> 1 + reply.replyCount()).sum();
    }

    public String anchor() {
        return "comment-" + id;
    }
}
