package org.roundtable.discussion;

import java.util.List;

/** A comment as the page shows it, with its replies beneath it. */
public record CommentView(
        long id,
        String author,
        String isoTime,
        String readableTime,
        String bodyHtml,
        List<CommentView> replies) {

    public String anchor() {
        return "comment-" + id;
    }
}
