package org.roundtable.helpful;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Readers' "helpful" marks: one per browser per comment, and each comment's count of those counted. */
public interface HelpfulRepository extends SqlObject {

    /** The most marks of one browser the script is told about, on one article. */
    int MARKS_LISTED = 5_000;

    /**
     * Marks {@code commentId} helpful for {@code authorId} from the address {@code ipHash}, or takes the mark back, and
     * moves the count with it in the same transaction; marking twice, or taking back what is not there, changes
     * nothing. Returns the count. A mark is counted unless its address already has {@code perAddress} counted marks
     * on the comment (0: no such limit); that is decided once, as it is made. Taking back a counted mark lowers the
     * count and does not promote another address's uncounted mark: simple to explain, and it never lets the count
     * pass the limit's share of one address. The comment's row is locked first, so that marks from one address at
     * the same moment cannot all see room for one more.
     */
    @Transaction
    default int mark(long commentId, long authorId, String ipHash, boolean helpful, Instant at, int perAddress) {
        lockCount(commentId);
        if (helpful) {
            boolean counted = perAddress == 0 || countedFrom(commentId, ipHash) < perAddress;
            if (insert(commentId, authorId, ipHash, counted, at) == 1 && counted) {
                adjustCount(commentId, 1);
            }
        } else if (delete(commentId, authorId).orElse(false)) {
            adjustCount(commentId, -1);
        }
        return count(commentId);
    }

    /** A write that changes nothing, for the row lock it takes until the transaction ends. */
    @SqlUpdate("UPDATE comments SET helpful_count = helpful_count WHERE id = :commentId")
    void lockCount(long commentId);

    @SqlQuery("SELECT COUNT(*) FROM helpful_votes WHERE comment_id = :commentId AND ip_hash = :ipHash AND counted")
    int countedFrom(long commentId, String ipHash);

    @SqlUpdate("""
            INSERT INTO helpful_votes (comment_id, author_id, ip_hash, counted, created_at)
            VALUES (:commentId, :authorId, :ipHash, :counted, :at)
            ON CONFLICT (comment_id, author_id) DO NOTHING""")
    int insert(long commentId, long authorId, String ipHash, boolean counted, Instant at);

    /** Takes a mark back; whether it was counted, or empty when there was none. */
    @SqlQuery("DELETE FROM helpful_votes WHERE comment_id = :commentId AND author_id = :authorId RETURNING counted")
    Optional<Boolean> delete(long commentId, long authorId);

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
            UPDATE comments SET helpful_count = (SELECT COUNT(*) FROM helpful_votes v WHERE v.comment_id = comments.id AND v.counted)
             WHERE id IN (SELECT comment_id FROM helpful_votes)""")
    void recountAll();
}
