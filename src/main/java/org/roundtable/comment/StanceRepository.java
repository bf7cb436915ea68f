package org.roundtable.comment;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Each person's current stance per proposal and the tallies that count them. A person's stance is the one they set
 * most recently among their comments readers can see; it is worked out again, in the same transaction, whenever
 * something may have changed it (a post, an edit of its stance, a moderator's decision, a move), from that one
 * person's comments in that one discussion. Tallies move by the difference, so two instances changing different
 * people's stances at once both count.
 */
public interface StanceRepository {

    /** A person's latest stance among their visible comments, and the comment that set it. */
    record Latest(long commentId, String stance) {}

    @SqlQuery("""
            SELECT id AS comment_id, stance FROM comments
             WHERE discussion_id = :discussionId AND author_id = :authorId AND stance IS NOT NULL
               AND parent_id IS NULL AND """ + Visibility.SHOWN_TO_READERS + """
             ORDER BY stance_set_at DESC, id DESC
             LIMIT 1""")
    @RegisterConstructorMapper(Latest.class)
    Optional<Latest> latestVisible(long discussionId, long authorId);

    @SqlQuery("SELECT stance FROM stances WHERE discussion_id = :discussionId AND author_id = :authorId")
    Optional<String> counted(long discussionId, long authorId);

    @SqlUpdate("""
            INSERT INTO stances (discussion_id, author_id, comment_id, stance)
            VALUES (:discussionId, :authorId, :commentId, :stance)
            ON CONFLICT (discussion_id, author_id) DO UPDATE SET comment_id = :commentId, stance = :stance""")
    void count(long discussionId, long authorId, long commentId, String stance);

    @SqlUpdate("DELETE FROM stances WHERE discussion_id = :discussionId AND author_id = :authorId")
    void forget(long discussionId, long authorId);

    @SqlUpdate("""
            UPDATE discussions SET tally_for = tally_for + :inFavour, tally_against = tally_against + :against,
                                   tally_undecided = tally_undecided + :undecided
             WHERE id = :discussionId""")
    void adjustTally(long discussionId, int inFavour, int against, int undecided);

    /** Works out again what counts as {@code authorId}'s stance in the discussion, and moves the tally if it changed. */
    @Transaction
    default void recount(long discussionId, Long authorId) {
        if (authorId == null) {
            return; // Imported comments have no browser behind them, and carry no stance.
        }
        Optional<Latest> latest = latestVisible(discussionId, authorId);
        Optional<Stance> before = counted(discussionId, authorId).flatMap(Stance::fromValue);
        Optional<Stance> after = latest.map(Latest::stance).flatMap(Stance::fromValue);
        latest.ifPresentOrElse(now -> count(discussionId, authorId, now.commentId(), now.stance()),
                () -> forget(discussionId, authorId));
        if (!before.equals(after)) {
            int[] change = new int[Stance.values().length];
            before.ifPresent(stance -> change[stance.ordinal()]--);
            after.ifPresent(stance -> change[stance.ordinal()]++);
            adjustTally(discussionId, change[Stance.FOR.ordinal()], change[Stance.AGAINST.ordinal()],
                    change[Stance.UNDECIDED.ordinal()]);
        }
    }

    /** Works every person's stance and every tally out again from the comments, as after an import. */
    @Transaction
    default void recountAll() {
        forgetAll();
        countLatest();
        tallyAll();
    }

    @SqlUpdate("DELETE FROM stances")
    void forgetAll();

    @SqlUpdate("""
            INSERT INTO stances (discussion_id, author_id, comment_id, stance)
            SELECT discussion_id, author_id, id, stance FROM (
                SELECT c.discussion_id, c.author_id, c.id, c.stance,
                       ROW_NUMBER() OVER (PARTITION BY c.discussion_id, c.author_id
                                          ORDER BY c.stance_set_at DESC, c.id DESC) AS recency
                  FROM comments c
                 WHERE c.stance IS NOT NULL AND c.parent_id IS NULL AND c.author_id IS NOT NULL
                   AND """ + Visibility.SHOWN_TO_READERS + """
            ) ranked
             WHERE recency = 1""")
    void countLatest();

    @SqlUpdate("""
            UPDATE discussions SET
                tally_for = (SELECT COUNT(*) FROM stances s WHERE s.discussion_id = discussions.id AND s.stance = 'for'),
                tally_against = (SELECT COUNT(*) FROM stances s WHERE s.discussion_id = discussions.id AND s.stance = 'against'),
                tally_undecided = (SELECT COUNT(*) FROM stances s WHERE s.discussion_id = discussions.id AND s.stance = 'undecided')""")
    void tallyAll();
}
