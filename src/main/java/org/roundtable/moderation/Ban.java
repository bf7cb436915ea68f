package org.roundtable.moderation;

import java.time.Instant;

/** A ban of an author cookie and of an IP hash, lifted by a moderator or by its expiry. */
public record Ban(
        long id,
        Long authorId,
        String ipHash,
        String reason,
        Long commentId,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant liftedAt,
        String liftedBy) {

    public boolean isActive(Instant now) {
        return liftedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
