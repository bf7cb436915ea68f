package org.roundtable.discussion;

/** Where a comment stands; stored in lower case. Only published comments are shown to every reader. */
public enum CommentStatus {
    PUBLISHED, HELD, REJECTED, SPAM, DELETED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
