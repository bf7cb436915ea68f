package org.roundtable.accounts;

/** Moderators work the queue; admins also manage the moderator accounts. */
public enum Role {
    ADMIN, MODERATOR;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
