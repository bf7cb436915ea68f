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

    public long minutes() {
        return length.toMinutes();
    }
}
