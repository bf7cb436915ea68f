package org.roundtable.audit;

/** Who did something the audit log records: a moderator, or (id null) the system or a comment's author. */
public record Actor(Long id, String name) {

    public static final Actor SYSTEM = new Actor(null, "system");
    public static final Actor AUTHOR = new Actor(null, "author");
}
