package org.roundtable.comment;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a page of threads starts: just past the top-level comment at {@code time}, {@code id}, which had
 * {@code helpful} marks when the page before was read (only the "Top" order reads that). Pages are found by
 * position in the index, not by counting rows, so page 5,000 costs what page 1 does.
 */
public record ThreadCursor(int helpful, Instant time, long id) {

    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    public static ThreadCursor start(Sort sort) {
        return sort.forward().start();
    }

    /**
     * Reads the {@code after} query parameter: milliseconds, a dot, an id; in the "Top" order the count of helpful
     * marks and a dot before them. Anything else means "from the start".
     */
    public static Optional<ThreadCursor> parse(String value) {
        if (value == null || !value.matches("([0-9]{1,9}\\.)?[0-9]{1,15}\\.[0-9]{1,18}")) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.");
        int helpful = parts.length == 3 ? Integer.parseInt(parts[0]) : 0;
        return Optional.of(new ThreadCursor(helpful, Instant.ofEpochMilli(Long.parseLong(parts[parts.length - 2])),
                Long.parseLong(parts[parts.length - 1])));
    }

    public static ThreadCursor of(Comment root) {
        return new ThreadCursor(root.helpfulCount(), root.createdAt(), root.id());
    }

    /** As the {@code after} parameter carries it, for pages read in {@code sort}. */
    public String value(Sort sort) {
        return (sort == Sort.TOP ? helpful + "." : "") + time.toEpochMilli() + "." + id;
    }
}
