package org.roundtable.antispam;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(BlockedEntry.class)
public interface BlocklistRepository {

    @SqlQuery("""
            SELECT b.id, b.kind, b.value, b.verdict, m.username AS created_by, b.created_at
              FROM blocklist b LEFT JOIN moderators m ON m.id = b.created_by
             ORDER BY b.kind, b.value""")
    List<BlockedEntry> all();

    @SqlQuery("SELECT COUNT(*) > 0 FROM blocklist WHERE kind = :kind AND value = :value")
    boolean exists(String kind, String value);

    @SqlQuery("""
            INSERT INTO blocklist (kind, value, verdict, created_by, created_at)
            VALUES (:kind, :value, :verdict, :createdBy, :createdAt) RETURNING id""")
    long insert(String kind, String value, String verdict, long createdBy, Instant createdAt);

    @SqlQuery("SELECT kind || ':' || value FROM blocklist WHERE id = :id")
    String describe(long id);

    @SqlUpdate("DELETE FROM blocklist WHERE id = :id")
    int delete(long id);
}
