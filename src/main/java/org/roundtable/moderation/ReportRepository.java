package org.roundtable.moderation;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ReportRepository {

    @SqlQuery("SELECT COUNT(*) > 0 FROM reports WHERE comment_id = :commentId AND author_id = :authorId")
    boolean exists(long commentId, long authorId);

    @SqlUpdate("""
            INSERT INTO reports (comment_id, author_id, reason, details, created_at)
            VALUES (:commentId, :authorId, :reason, :details, :createdAt)""")
    void insert(long commentId, long authorId, String reason, String details, Instant createdAt);

    @SqlQuery("SELECT COUNT(*) FROM reports WHERE comment_id = :commentId AND resolved_at IS NULL")
    int openCount(long commentId);

    @SqlUpdate("UPDATE reports SET resolved_at = :now WHERE comment_id = :commentId AND resolved_at IS NULL")
    void resolve(long commentId, Instant now);
}
