package org.roundtable.antispam;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** How much an author cookie or an address has posted lately, for flood control. */
public interface RecentPostsRepository {

    @SqlQuery("""
            SELECT MAX(created_at) FROM comments
             WHERE (author_id IS NOT NULL AND author_id = :authorId) OR ip_hash = :ipHash""")
    Instant latest(Long authorId, String ipHash);

    @SqlQuery("""
            SELECT COUNT(*) FROM comments
             WHERE ((author_id IS NOT NULL AND author_id = :authorId) OR ip_hash = :ipHash) AND created_at > :since""")
    int countSince(Long authorId, String ipHash, Instant since);
}
