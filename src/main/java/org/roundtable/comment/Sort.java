package org.roundtable.comment;

import java.util.Comparator;
import java.util.Locale;

/**
 * The order of a discussion's top-level comments; replies always read oldest first, like a conversation.
 * {@code TOP} puts the threads readers marked most helpful first, older first among equals. Each order is read
 * forward from a cursor, and backward (its reverse) to find where earlier pages start.
 */
public enum Sort {
    OLDEST(ThreadOrder.OLDEST_FIRST, ThreadOrder.NEWEST_FIRST),
    NEWEST(ThreadOrder.NEWEST_FIRST, ThreadOrder.OLDEST_FIRST),
    TOP(ThreadOrder.MOST_HELPFUL_FIRST, ThreadOrder.LEAST_HELPFUL_FIRST);

    private final ThreadOrder forward;
    private final ThreadOrder backward;

    Sort(ThreadOrder forward, ThreadOrder backward) {
        this.forward = forward;
        this.backward = backward;
    }

    public static Sort fromParam(String value) {
        for (Sort sort : values()) {
            if (sort.queryValue().equals(value)) {
                return sort;
            }
        }
        return OLDEST;
    }

    public String queryValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reading order: the way pages follow one another. */
    public ThreadOrder forward() {
        return forward;
    }

    /** Reading order reversed: the way to the pages before this one, and to the start of the last page. */
    public ThreadOrder backward() {
        return backward;
    }

    /** How the threads of a page are put in order, by their top-level comments. */
    public Comparator<Comment> roots() {
        return forward.comparator();
    }
}
