package org.roundtable.accounts;

import java.time.Instant;
import java.util.Optional;

public record Moderator(long id, String username, Role role, Instant createdAt) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Usernames appear in the audit log and in URLs, so they are kept plain. */
    public static Optional<String> problemWithUsername(String username) {
        return username.matches("[A-Za-z0-9._-]{2,40}")
                ? Optional.empty()
                : Optional.of("Choose a username of 2 to 40 letters, digits, dots, hyphens or underscores.");
    }
}
