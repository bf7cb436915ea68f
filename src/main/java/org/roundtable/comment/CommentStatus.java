package org.roundtable.comment;

/** Where a comment stands; stored in lower case. Only published comments are shown to every reader. */
public enum CommentStatus {
    PUBLISHED, HELD, REJECTED, SPAM, DELETED;

    /** Whether a top-level comment in this status keeps its thread's place on a discussion's pages. */
    public boolean holdsAPlaceOnPages() {
        return this == PUBLISHED || this == DELETED;
    }

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
