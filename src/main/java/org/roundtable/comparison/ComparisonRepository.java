package org.roundtable.comparison;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the comparison reads about each proposal's discussion, from what readers can see. */
public interface ComparisonRepository {

    /** A top-level comment of one stance, its helpful marks, and the number of visible replies in its whole thread. */
    record Argument(long id, String authorName, String body, int helpful, long replies) {}

    /**
     * The strongest argument of {@code stance}: the visible top-level comment of that stance that readers marked
     * helpful most often; between equals, the one whose thread has the most visible replies, then the earliest.
     */
    @SqlQuery("""
            SELECT r.id, r.author_name, r.body, r.helpful_count AS helpful,
                   (SELECT COUNT(*) FROM comments c
                     WHERE c.root_id = r.id AND c.id <> r.id AND c.status = 'published') AS replies
              FROM comments r
             WHERE r.discussion_id = :discussionId AND r.parent_id IS NULL AND r.status = 'published'
               AND r.stance = :stance
             ORDER BY r.helpful_count DESC, replies DESC, r.created_at, r.id
             LIMIT 1""")
    @RegisterConstructorMapper(Argument.class)
    Optional<Argument> strongest(long discussionId, String stance);

    /**
     * How many people took part: the browsers behind visible comments, and the named writers of imported ones
     * (which have no browser behind them).
     */
    @SqlQuery("""
            SELECT COUNT(DISTINCT author_id) + COUNT(DISTINCT CASE WHEN author_id IS NULL THEN author_name END)
              FROM comments
             WHERE discussion_id = :discussionId AND status = 'published'""")
    int participants(long discussionId);

    /** When the newest visible comment was written; empty when there is none. */
    @SqlQuery("SELECT MAX(created_at) FROM comments WHERE discussion_id = :discussionId AND status = 'published'")
    Optional<Instant> lastActivity(long discussionId);
}
