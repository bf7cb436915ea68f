package org.roundtable.history;

import java.time.Instant;

/**
 * One version of an edited comment: the name and words it had from {@code madeAt}, made by its author or by a
 * moderator ({@code madeBy}); {@code hiddenAt} is when a moderator hid its text from readers, or null.
 */
public record Revision(long id, long commentId, String authorName, String body, Instant madeAt, String madeBy,
                       Instant hiddenAt) {

    public boolean byModerator() {
        return "moderator".equals(madeBy);
    }

    public boolean hidden() {
        return hiddenAt != null;
    }
}
