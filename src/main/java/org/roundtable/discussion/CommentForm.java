package org.roundtable.discussion;

import io.javalin.http.Context;
import org.roundtable.web.Forms;

/**
 * What a reader typed into a comment form, kept whole so a refused post can be shown again as typed.
 * {@code error} is the plain-language reason it was refused, or null.
 */
public record CommentForm(String discussionKey, String parentId, String name, String body, String error) {

    public static final int MAX_NAME_LENGTH = 80;
    public static final int MAX_BODY_LENGTH = 10_000;

    public static CommentForm from(Context ctx) {
        return new CommentForm(
                Forms.field(ctx, "discussion"),
                Forms.field(ctx, "parent"),
                Forms.field(ctx, "name"),
                Forms.field(ctx, "body"),
                null);
    }

    public static CommentForm blank(String discussionKey, Long parentId) {
        return new CommentForm(discussionKey, parentId == null ? "" : parentId.toString(), "", "", null);
    }

    public CommentForm refused(String reason) {
        return new CommentForm(discussionKey, parentId, name, body, reason);
    }

    /** The same text as a new top-level comment: where a reply goes when its parent is gone. */
    public CommentForm asTopLevel() {
        return new CommentForm(discussionKey, "", name, body, error);
    }

    public CommentForm inDiscussion(String key) {
        return new CommentForm(key, parentId, name, body, error);
    }

    public boolean isReply() {
        return !parentId.isBlank();
    }

    /** Whether this form is the one for {@code key} (and, for a reply, for that parent comment). */
    public boolean isFor(String key, Long parent) {
        return discussionKey.equals(key) && parentId.equals(parent == null ? "" : parent.toString());
    }
}
