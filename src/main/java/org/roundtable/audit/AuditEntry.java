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
        Instant createdAt) {

    /** Where the admin shows the thing acted on, or null when it has no page (a sign-in, say). */
    public String targetPath() {
        if (targetId == null || targetType == null) {
            return null;
        }
        return switch (targetType) {
            case "comment" -> "/admin/comments/" + targetId + "/edit";
            case "ban" -> "/admin/bans#ban-" + targetId;
            case "moderator" -> "/admin/moderators#moderator-" + targetId;
            case "blocklist" -> "/admin/blocklist";
            case "discussion", "article" -> "/admin/articles";
            default -> null;
        };
    }
}
