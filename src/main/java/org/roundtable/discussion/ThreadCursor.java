package org.roundtable.discussion;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a page of threads starts: just past the top-level comment at {@code time}, {@code id}. Pages are
 * found by position in the index, not by counting rows, so page 5,000 costs what page 1 does.
 */
public record ThreadCursor(Instant time, long id) {

    static final ThreadCursor OLDEST = new ThreadCursor(Instant.EPOCH, 0);
    static final ThreadCursor NEWEST = new ThreadCursor(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE);

    public static ThreadCursor start(Sort sort) {
        return sort == Sort.NEWEST ? NEWEST : OLDEST;
    }

    /** Reads the {@code after} query parameter: milliseconds, a dot, an id. Anything else means "from the start". */
    public static Optional<ThreadCursor> parse(String value) {
        if (value == null || !value.matches("[0-9]{1,15}\\.[0-9]{1,18}")) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        return Optional.of(new ThreadCursor(
                Instant.ofEpochMilli(Long.parseLong(value.substring(0, dot))), Long.parseLong(value.substring(dot + 1))));
    }

    static ThreadCursor of(Comment root) {
        return new ThreadCursor(root.createdAt(), root.id());
    }

    public String value() {
        return time.toEpochMilli() + "." + id;
    }
}
