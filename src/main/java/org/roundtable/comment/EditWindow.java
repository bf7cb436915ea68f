package org.roundtable.comment;

import java.time.Duration;
import java.time.Instant;

/**
 * How long after posting its author may still edit or delete a comment ({@code EDIT_WINDOW_MINUTES}): short, so
 * that replies are not left answering words that changed under them. The one place the rule is spelled out.
 */
public record EditWindow(Duration length) {

    /** Whether a comment posted at {@code postedAt} may still be changed at {@code now}. */
    public boolean isOpen(Instant postedAt, Instant now) {
        return now.isBefore(postedAt.plus(length));
    }

    /** Comments posted after this instant may still be changed at {@code now}; for queries. */
    public Instant openSince(Instant now) {
        return now.minus(length);
    }

    /**
     * The minutes left to change a comment posted at {@code postedAt}, counted up ("1 minute" while any second
     * is left, so the page never says 0 while the edit would still be taken); 0 once the window has closed.
     */
    public long minutesLeft(Instant postedAt, Instant now) {
        long millisLeft = Duration.between(now, postedAt.plus(length)).toMillis();
        return millisLeft <= 0 ? 0 : (millisLeft + 59_999) / 60_000;
    }

    public long minutes() {
        return length.toMinutes();
    }
}
