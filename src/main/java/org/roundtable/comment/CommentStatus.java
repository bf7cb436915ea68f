package org.roundtable.comment;

/** Where a comment stands; stored in lower case. Who sees a comment in each status is {@link Visibility}'s to say. */
public enum CommentStatus {
    PUBLISHED, HELD, REJECTED, SPAM, DELETED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
