package org.roundtable.audit;

/** Who did something the audit log records: a moderator, or the system itself (id null). */
public record Actor(Long id, String name) {

    public static final Actor SYSTEM = new Actor(null, "system");
}
