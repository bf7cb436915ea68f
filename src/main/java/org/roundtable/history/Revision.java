package org.roundtable.history;

import java.time.Instant;
import java.util.Optional;
import org.roundtable.comment.Stance;

/**
 * One version of an edited comment: the name, words and stance ({@code stanceValue} as the column keeps it, null
 * for none) it had from {@code madeAt}, made by its author or by a moderator ({@code madeBy}); {@code hiddenAt} is
 * when a moderator hid its text from readers, or null.
 */
public record Revision(long id, long commentId, String authorName, String body, String stanceValue, Instant madeAt,
                       String madeBy, Instant hiddenAt) {

    public Optional<Stance> stance() {
        return Stance.fromValue(stanceValue);
    }

    public boolean byModerator() {
        return "moderator".equals(madeBy);
    }

    public boolean hidden() {
        return hiddenAt != null;
    }
}
