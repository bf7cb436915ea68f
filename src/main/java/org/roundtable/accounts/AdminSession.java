package org.roundtable.accounts;

import java.time.Instant;
import org.roundtable.audit.Actor;

/** A signed-in moderator, the token every admin form must carry back, and when the session was last used. */
public record AdminSession(String idHash, long moderatorId, String username, Role role, String csrfToken,
                           Instant lastSeenAt) {

    public Actor actor() {
        return new Actor(moderatorId, username);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
