package org.roundtable.threads;

import io.javalin.http.Context;
import org.roundtable.comment.Sort;
import org.roundtable.comment.Stance;
import org.roundtable.comment.ThreadCursor;

/**
 * Which page of a discussion a reader asked for: the order they chose for it, where the page starts, the number
 * the link to it carried ({@link #UNKNOWN} when it carried none, as an old link may), and the stance whose threads
 * alone they want to read (null: every thread). Anything malformed means the first page, in the oldest-first
 * order, of every thread.
 */
public record DiscussionRequest(Sort sort, ThreadCursor from, int number, Stance stance) {

    public static final int UNKNOWN = 0;
    private static final int HIGHEST_PAGE = 10_000_000;

    public static DiscussionRequest of(Context ctx) {
        return of(ctx.queryParam("sort"), ctx.queryParam("after"), ctx.queryParam("page"), ctx.queryParam("stance"));
    }

    public static DiscussionRequest of(String sort, String after, String page, String stance) {
        Sort order = Sort.fromParam(sort);
        Stance only = Stance.fromValue(stance).orElse(null);
        var from = ThreadCursor.parse(after);
        int number = page != null && page.matches("[0-9]{1,8}") ? Math.min(Integer.parseInt(page), HIGHEST_PAGE) : UNKNOWN;
        return from.map(cursor -> new DiscussionRequest(order, cursor, number == UNKNOWN ? UNKNOWN : Math.max(number, 2), only))
                .orElseGet(() -> firstPage(order, only));
    }

    public static DiscussionRequest firstPage(Sort sort) {
        return firstPage(sort, null);
    }

    public static DiscussionRequest firstPage(Sort sort, Stance stance) {
        return new DiscussionRequest(sort, ThreadCursor.start(sort), 1, stance);
    }

    /** The same page for every reader, whatever else the address holds. */
    public String cacheKey() {
        return "?sort=" + sort.queryValue() + "&stance=" + (stance == null ? "" : stance.value()) + "&page=" + number
                + "&after=" + from.value(sort);
    }
}
