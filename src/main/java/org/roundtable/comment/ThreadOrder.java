package org.roundtable.comment;

import java.util.Comparator;

/**
 * One direction in which thread roots are read, a page at a time, from a {@link ThreadCursor}: the SQL that
 * seeks past the cursor and orders what follows lives in {@link CommentRepository#seek} and
 * {@link CommentRepository#orderBy}; here is where a reading in this direction starts, and the same order in memory.
 */
public enum ThreadOrder {
    OLDEST_FIRST(new ThreadCursor(0, ThreadCursor.EARLIEST, 0),
            Comparator.comparing(Comment::createdAt).thenComparingLong(Comment::id)),
    NEWEST_FIRST(new ThreadCursor(0, ThreadCursor.LATEST, Long.MAX_VALUE),
            OLDEST_FIRST.comparator.reversed()),
    MOST_HELPFUL_FIRST(new ThreadCursor(Integer.MAX_VALUE, ThreadCursor.EARLIEST, 0),
            Comparator.comparingInt(Comment::helpfulCount).reversed().thenComparing(OLDEST_FIRST.comparator)),
    LEAST_HELPFUL_FIRST(new ThreadCursor(-1, ThreadCursor.LATEST, Long.MAX_VALUE),
            MOST_HELPFUL_FIRST.comparator.reversed());

    private final ThreadCursor start;
    private final Comparator<Comment> comparator;

    ThreadOrder(ThreadCursor start, Comparator<Comment> comparator) {
        this.start = start;
        this.comparator = comparator;
    }

    /** A cursor before the first root in this order: reading from it reads from the beginning. */
    public ThreadCursor start() {
        return start;
    }

    Comparator<Comment> comparator() {
        return comparator;
    }
}
