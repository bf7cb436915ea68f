package org.roundtable.antispam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Ban.class)
public interface BanRepository {

    String SELECT = """
            SELECT b.id, b.author_id, b.ip_hash, b.reason, b.comment_id, c.author_name AS comment_author,
                   c.body AS comment_body, created.username AS created_by, b.created_at,
                   b.expires_at, b.lifted_at, lifted.username AS lifted_by
              FROM bans b
              LEFT JOIN comments c ON c.id = b.comment_id
              LEFT JOIN moderators created ON created.id = b.created_by
              LEFT JOIN moderators lifted ON lifted.id = b.lifted_by
            """;

    /** The newest ban in force against this author cookie or this address (by its key, or as hashed before). */
    @SqlQuery(SELECT + """
             WHERE b.lifted_at IS NULL AND (b.expires_at IS NULL OR b.expires_at > :now)
               AND ((b.author_id IS NOT NULL AND b.author_id = :authorId) OR b.ip_hash IN (:ipHash, :formerIpHash))
             ORDER BY b.created_at DESC LIMIT 1""")
    Optional<Ban> active(Long authorId, String ipHash, String formerIpHash, Instant now);

    @SqlQuery(SELECT + " WHERE b.id = :id")
    Optional<Ban> find(long id);

    @SqlQuery(SELECT + " ORDER BY b.created_at DESC, b.id DESC")
    List<Ban> all();

    @SqlQuery("""
            INSERT INTO bans (author_id, ip_hash, reason, comment_id, created_by, created_at, expires_at)
            VALUES (:authorId, :ipHash, :reason, :commentId, :createdBy, :createdAt, :expiresAt) RETURNING id""")
    long insert(Long authorId, String ipHash, String reason, long commentId, long createdBy, Instant createdAt,
                Instant expiresAt);

    @SqlUpdate("UPDATE bans SET lifted_at = :now, lifted_by = :moderatorId WHERE id = :id AND lifted_at IS NULL")
    int lift(long id, long moderatorId, Instant now);
}
