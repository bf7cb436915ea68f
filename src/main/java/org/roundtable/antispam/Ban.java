package org.roundtable.antispam;

import java.time.Instant;

/**
 * A ban of an author cookie or of an IP hash, lifted by a moderator or by its expiry, with the comment that
 * led to it (its author's name and words) so the list says who is banned.
 */
public record Ban(
        long id,
        Long authorId,
        String ipHash,
        String reason,
        Long commentId,
        String commentAuthor,
        String commentBody,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant liftedAt,
        String liftedBy) {

    /** What is banned: the author's browser, or everyone behind an address. */
    public boolean isByAddress() {
        return authorId == null;
    }

    public boolean isActive(Instant now) {
        return liftedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
