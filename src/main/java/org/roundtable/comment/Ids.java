package org.roundtable.comment;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;

/**
 * Comment ids as they arrive in URLs and forms: anything that is not a positive number in ASCII digits matches
 * nothing (Java would read "١" as 1, and one comment would have many addresses).
 */
public final class Ids {

    public static Optional<Long> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    /** The id in the route's {@code {id}}; an address with anything else there names nothing (404). */
    public static long fromPath(Context ctx) {
        return parse(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
    }

    private Ids() {}
}
