package org.roundtable.audit;

import java.time.Instant;

/** One line of the audit log: who did what to which thing, with the values before and after. */
public record AuditEntry(
        long id,
        String moderator,
        String action,
        String targetType,
        Long targetId,
        String beforeValue,
        String afterValue,
        Instant createdAt) {}
