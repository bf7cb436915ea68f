package org.roundtable.helpful;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Readers' "helpful" marks: one per browser per comment, and each comment's count of them. */
public interface HelpfulRepository extends SqlObject {

    /** The most marks of one browser the script is told about, on one article. */
    int MARKS_LISTED = 5_000;

    /**
     * Marks {@code commentId} helpful for {@code authorId}, or takes the mark back, and moves the count with it in
     * the same transaction; marking twice, or taking back what is not there, changes nothing. Returns the count.
     */
    @Transaction
    default int mark(long commentId, long authorId, boolean helpful, Instant at) {
        int changed = helpful ? insert(commentId, authorId, at) : delete(commentId, authorId);
        if (changed == 1) {
            adjustCount(commentId, helpful ? 1 : -1);
        }
        return count(commentId);
    }

    @SqlUpdate("""
            INSERT INTO helpful_votes (comment_id, author_id, created_at) VALUES (:commentId, :authorId, :at)
            ON CONFLICT (comment_id, author_id) DO NOTHING""")
    int insert(long commentId, long authorId, Instant at);

    @SqlUpdate("DELETE FROM helpful_votes WHERE comment_id = :commentId AND author_id = :authorId")
    int delete(long commentId, long authorId);

    @SqlUpdate("UPDATE comments SET helpful_count = helpful_count + :by WHERE id = :commentId")
    void adjustCount(long commentId, int by);

    @SqlQuery("SELECT helpful_count FROM comments WHERE id = :commentId")
    int count(long commentId);

    /** The comments of one article this browser marked helpful, latest first. */
    @SqlQuery("""
            SELECT v.comment_id FROM helpful_votes v
              JOIN comments c ON c.id = v.comment_id JOIN discussions d ON d.id = c.discussion_id
             WHERE v.author_id = :authorId AND d.article_id = :articleId
             ORDER BY v.comment_id DESC LIMIT""" + " " + MARKS_LISTED)
    List<Long> marked(long authorId, long articleId);

    /** Counts every comment's marks afresh, as an import does: the counts are not in an export, the marks are. */
    @SqlUpdate("""
            UPDATE comments SET helpful_count = (SELECT COUNT(*) FROM helpful_votes v WHERE v.comment_id = comments.id)
             WHERE id IN (SELECT comment_id FROM helpful_votes)""")
    void recountAll();
}
