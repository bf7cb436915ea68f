package org.roundtable.admin;

import org.roundtable.audit.Actor;

/** A signed-in moderator and the token every admin form must carry back. */
public record AdminSession(String idHash, long moderatorId, String username, Role role, String csrfToken) {

    public Actor actor() {
        return new Actor(moderatorId, username);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
