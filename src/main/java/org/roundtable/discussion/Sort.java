package org.roundtable.discussion;

/** The order of a discussion's top-level comments; replies always read oldest first, like a conversation. */
public enum Sort {
    OLDEST, NEWEST;

    public static Sort fromParam(String value) {
        return "newest".equals(value) ? NEWEST : OLDEST;
    }

    public String queryValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
