package org.roundtable.moderation;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ReportRepository {

    @SqlQuery("SELECT COUNT(*) > 0 FROM reports WHERE comment_id = :commentId AND author_id = :authorId")
    boolean exists(long commentId, long authorId);

    @SqlUpdate("""
            INSERT INTO reports (comment_id, author_id, ip_hash, reason, details, created_at)
            VALUES (:commentId, :authorId, :ipHash, :reason, :details, :createdAt)""")
    void insert(long commentId, long authorId, String ipHash, String reason, String details, Instant createdAt);

    /**
     * The people who reported the comment and wait for a moderator: one per address, however many browsers
     * report from it (reports from before addresses were kept count one per browser).
     */
    @SqlQuery("""
            SELECT COUNT(DISTINCT COALESCE(ip_hash, 'browser:' || author_id)) FROM reports
             WHERE comment_id = :commentId AND resolved_at IS NULL""")
    int openReporters(long commentId);

    /** Closes the comment's open reports; returns how many there were. */
    @SqlUpdate("UPDATE reports SET resolved_at = :now WHERE comment_id = :commentId AND resolved_at IS NULL")
    int resolve(long commentId, Instant now);
}
