package org.roundtable.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Every moderation and account action, written in the same transaction as the change it records, so the
 * log cannot miss one.
 */
public final class AuditLog {

    public static final int PAGE_SIZE = 50;

    @RegisterConstructorMapper(AuditEntry.class)
    public interface AuditRepository {
        @SqlUpdate("""
                INSERT INTO audit_log (moderator_id, moderator, action, target_type, target_id, before_value, after_value, created_at)
                VALUES (:moderatorId, :moderator, :action, :targetType, :targetId, :beforeValue, :afterValue, :createdAt)""")
        void insert(Long moderatorId, String moderator, String action, String targetType, Long targetId,
                    String beforeValue, String afterValue, Instant createdAt);

        /** Filters are optional: an empty one matches everything. */
        @SqlQuery("""
                SELECT id, moderator, action, target_type, target_id, before_value, after_value, created_at
                  FROM audit_log
                 WHERE (:action = '' OR action = :action) AND (:moderator = '' OR moderator = :moderator)
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit OFFSET :offset""")
        List<AuditEntry> page(String action, String moderator, int limit, int offset);

        @SqlQuery("SELECT DISTINCT action FROM audit_log ORDER BY action")
        List<String> actions();

        @SqlQuery("SELECT DISTINCT moderator FROM audit_log ORDER BY moderator")
        List<String> moderators();
    }

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(Handle handle, Actor actor, String action, String targetType, Long targetId,
                       String before, String after) {
        handle.attach(AuditRepository.class).insert(
                actor.id(), actor.name(), action, targetType, targetId, before, after, clock.instant());
    }
}
