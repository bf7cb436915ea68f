package org.roundtable.comparison;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.roundtable.comment.Visibility;

/** What the comparison reads about each proposal's discussion, from what readers can see. */
public interface ComparisonRepository {

    /**
     * A top-level comment of one stance, its helpful marks, the number of visible replies in its whole thread, and the
     * people who took part in that thread.
     */
    record Argument(long id, String authorName, String body, int helpful, long replies, long people) {}

    /**
     * The strongest argument of {@code stance}: the visible thread of that stance in which the most different people
     * took part, each once: the browsers behind its visible comments (its root's writer included), the named writers
     * of imported ones (which have no browser behind them), and every browser whose counted helpful mark is on one of
     * them. Marks an address had beyond its share ({@code counted} false) bring nobody, so a thread cannot be stuffed
     * from one address. Between equals, the thread with the most visible replies, then the earliest.
     */
    @SqlQuery("""
            WITH people AS (
                SELECT c.root_id, CASE WHEN c.author_id IS NULL THEN 'name:' || c.author_name
                                       ELSE 'browser:' || c.author_id END AS person
                  FROM comments c
                 WHERE """ + Visibility.SHOWN_TO_READERS + """
                   AND c.discussion_id = :discussionId
                UNION
                SELECT c.root_id, 'browser:' || v.author_id
                  FROM helpful_votes v JOIN comments c ON c.id = v.comment_id
                 WHERE """ + Visibility.SHOWN_TO_READERS + """
                   AND c.discussion_id = :discussionId AND v.counted),
            per_thread AS (SELECT root_id, COUNT(*) AS people FROM people GROUP BY root_id)
            SELECT r.id, r.author_name, r.body, r.helpful_count AS helpful,
                   (SELECT COUNT(*) FROM comments c
                     WHERE """ + Visibility.SHOWN_TO_READERS + """
                       AND c.root_id = r.id AND c.id <> r.id) AS replies,
                   COALESCE(t.people, 0) AS people
              FROM comments r LEFT JOIN per_thread t ON t.root_id = r.id
             WHERE r.discussion_id = :discussionId AND r.parent_id IS NULL AND r.stance = :stance
               AND """ + Visibility.SHOWN_TO_READERS + """
             ORDER BY people DESC, replies DESC, r.created_at, r.id
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
             WHERE discussion_id = :discussionId AND """ + Visibility.SHOWN_TO_READERS)
    int participants(long discussionId);

    /** When the newest visible comment was written; empty when there is none. */
    @SqlQuery("SELECT MAX(created_at) FROM comments WHERE discussion_id = :discussionId AND "
            + Visibility.SHOWN_TO_READERS)
    Optional<Instant> lastActivity(long discussionId);
}
