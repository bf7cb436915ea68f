package org.roundtable.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterRowMapper(CommentRepository.CommentMapper.class)
public interface CommentRepository extends SqlObject {

    /**
     * Where a comment a moderator moved came from, as the position of that discussion (0: the general one), or
     * null: looked up by primary key in the same statement, and only for moved comments.
     */
    String MOVED_FROM = """
            CASE WHEN c.moved_from_discussion_id IS NULL THEN NULL
                 ELSE (SELECT m.position FROM discussions m WHERE m.id = c.moved_from_discussion_id) END
            """;

    /** The columns {@link CommentMapper} reads, in its order. */
    String COLUMNS = """
            c.id, c.discussion_id, c.parent_id, c.root_id, c.depth, c.author_id, c.author_name, c.body,
            c.status, c.created_at, c.edited_at, c.edited_by_moderator, c.by_article_author, c.stance,
            c.helpful_count,
            """ + MOVED_FROM;

    /**
     * Reads {@link #COLUMNS} by position. A page reads hundreds of comments, and jdbi's reflective constructor
     * mapping took half of the time of reading them.
     */
    final class CommentMapper implements RowMapper<Comment> {
        @Override
        public Comment map(ResultSet row, StatementContext context) throws SQLException {
            return new Comment(row.getLong(1), row.getLong(2), nullableLong(row, 3), row.getLong(4), row.getInt(5),
                    nullableLong(row, 6), row.getString(7), row.getString(8),
                    CommentStatus.valueOf(row.getString(9).toUpperCase(Locale.ROOT)),
                    instant(row, 10), instant(row, 11), row.getBoolean(12), row.getBoolean(13),
                    Stance.fromValue(row.getString(14)).orElse(null), nullableInt(row, 16), row.getInt(15));
        }

        private static Integer nullableInt(ResultSet row, int column) throws SQLException {
            int value = row.getInt(column);
            return row.wasNull() ? null : value;
        }

        private static Long nullableLong(ResultSet row, int column) throws SQLException {
            long value = row.getLong(column);
            return row.wasNull() ? null : value;
        }

        private static Instant instant(ResultSet row, int column) throws SQLException {
            Timestamp value = row.getTimestamp(column);
            return value == null ? null : value.toInstant();
        }
    }


    /** What a new comment is made of, besides where it goes. */
    record NewComment(Long authorId, String authorName, String body, CommentStatus status, String heldReason, String ipHash,
                      Instant createdAt, Stance stance) {

        /** As the stance column keeps it: its value, or null. */
        public String stanceValue() {
            return stance == null ? null : stance.value();
        }

        /** The words it is found by in a search. */
        public String searchWords() {
            return SearchWords.of(body);
        }

        /** When the stance was set: with the comment, if it has one. */
        public Instant stanceSetAt() {
            return stance == null ? null : createdAt;
        }
    }

    /** Stores a comment, making a top-level one the root of its own thread; returns its id. */
    @Transaction
    default long add(long discussionId, Comment parent, NewComment comment) {
        long id = parent == null
                ? insert(discussionId, null, null, 0, comment)
                : insert(discussionId, parent.id(), parent.rootId(), parent.depth() + 1, comment);
        if (parent == null) {
            makeOwnRoot(id);
        }
        if (Visibility.shownToReaders(comment.status())) {
            adjustCounts(discussionId, 1, parent == null ? 1 : 0);
            if (comment.stance() != null) {
                stances().recount(discussionId, comment.authorId());
            }
        }
        return id;
    }

    /**
     * Moves a comment to another status. Every status change goes through here, so the discussion's counts
     * of the comments readers see and of threads on its pages ({@link Visibility}) stay right without counting.
     * Returns false, changing nothing, when the comment's status is no longer the one in {@code comment}: someone
     * else changed it meanwhile (another moderator, through another instance), and their counts stand.
     */
    @Transaction
    default boolean changeStatus(Comment comment, CommentStatus to) {
        if (setStatus(comment.id(), comment.status().dbValue(), to.dbValue()) == 0) {
            return false;
        }
        int comments = (Visibility.shownToReaders(to) ? 1 : 0) - (Visibility.shownToReaders(comment.status()) ? 1 : 0);
        int threads = comment.isTopLevel()
                ? (Visibility.keepsItsPlace(to) ? 1 : 0) - (Visibility.keepsItsPlace(comment.status()) ? 1 : 0) : 0;
        if (comments != 0 || threads != 0) {
            adjustCounts(comment.discussionId(), comments, threads);
        }
        if (comment.stance() != null) {
            stances().recount(comment.discussionId(), comment.authorId());
        }
        return true;
    }

    /** Sets a comment aside for a moderator, saying why. */
    @Transaction
    default void hold(Comment comment, Hold hold) {
        setHeldReason(comment.id(), hold.reason());
        changeStatus(comment, hold.status());
    }

    @SqlUpdate("UPDATE comments SET held_reason = :reason WHERE id = :id")
    void setHeldReason(long id, String reason);

    /** The author takes their words back: the row stays, so replies keep their place under a placeholder. */
    @Transaction
    default void deleteByAuthor(Comment comment, Instant deletedAt) {
        wipe(comment.id(), deletedAt);
        changeStatus(comment, CommentStatus.DELETED);
    }

    @SqlUpdate("""
            UPDATE discussions SET comment_count = comment_count + :comments, thread_count = thread_count + :threads
             WHERE id = :discussionId""")
    void adjustCounts(long discussionId, int comments, int threads);

    @SqlQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.id = :id")
    Optional<Comment> find(long id);

    @SqlQuery("SELECT " + COLUMNS + """
              FROM comments c JOIN discussions d ON d.id = c.discussion_id
             WHERE c.id = :id AND d.article_id = :articleId""")
    Optional<Comment> findInArticle(long id, long articleId);

    @SqlQuery("""
            INSERT INTO comments (discussion_id, parent_id, root_id, depth, author_id, author_name, body, status,
                                  held_reason, ip_hash, created_at, stance, stance_set_at, search_words)
            VALUES (:discussionId, :parentId, :rootId, :depth, :c.authorId, :c.authorName, :c.body, :status,
                    :c.heldReason, :c.ipHash, :c.createdAt, :c.stanceValue, :c.stanceSetAt, :c.searchWords) RETURNING id""")
    long insert(long discussionId, Long parentId, Long rootId, int depth, @BindMethods("c") NewComment comment,
                @Bind("status") String status);

    default long insert(long discussionId, Long parentId, Long rootId, int depth, NewComment comment) {
        return insert(discussionId, parentId, rootId, depth, comment, comment.status().dbValue());
    }

    /**
     * The same words from the same author or address in the same discussion since {@code since}: looked up by
     * their opening words (an index of its own), so only comments that start alike are read.
     */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM comments
             WHERE discussion_id = :discussionId AND substr(body, 1, 64) = substr(:body, 1, 64) AND created_at > :since
               AND body = :body AND (author_id = :authorId OR ip_hash = :ipHash))""")
    boolean duplicateExists(long discussionId, Long authorId, String ipHash, String body, Instant since);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM comments WHERE author_id = :authorId AND id <> :commentId)")
    boolean hasOtherComments(long authorId, long commentId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM comments WHERE author_id = :authorId AND "
            + Visibility.SHOWN_TO_READERS + ")")
    boolean hasPublished(long authorId);

    @SqlUpdate("UPDATE comments SET root_id = id WHERE id = :id")
    void makeOwnRoot(long id);

    /**
     * The author's edit of their name, words and stance (null for none); the versions are kept (see
     * {@link CommentVersions}), and a changed stance moves the tally (see {@link #changeStance}).
     */
    @Transaction
    default void edit(Comment before, String authorName, String body, Stance stance, Instant editedAt) {
        versions().keep(before, authorName, body, stance, editedAt, "author");
        setWords(before.id(), authorName, body, SearchWords.of(body), editedAt);
        changeStance(before, stance, editedAt);
    }

    @SqlUpdate("""
            UPDATE comments SET author_name = :authorName, body = :body, search_words = :searchWords, edited_at = :editedAt
             WHERE id = :id""")
    void setWords(long id, String authorName, String body, String searchWords, Instant editedAt);

    /** A moderator's edit of the words; the page then says so, and the versions are kept. */
    @Transaction
    default void editByModerator(Comment before, String body, Instant editedAt) {
        versions().keep(before, before.authorName(), body, before.stance(), editedAt, "moderator");
        setWordsByModerator(before.id(), body, SearchWords.of(body), editedAt);
    }

    @SqlUpdate("""
            UPDATE comments SET body = :body, search_words = :searchWords, edited_at = :editedAt, edited_by_moderator = TRUE
             WHERE id = :id""")
    void setWordsByModerator(long id, String body, String searchWords, Instant editedAt);


    /**
     * Sets (or with null clears) the stance of {@code comment}, a top-level comment on a proposal, and moves the
     * tally with it. An unchanged stance keeps the time it was set, so it does not become the writer's latest.
     */
    @Transaction
    default void changeStance(Comment comment, Stance stance, Instant at) {
        if (comment.stance() == stance) {
            return;
        }
        setStance(comment.id(), stance == null ? null : stance.value(), stance == null ? null : at);
        stances().recount(comment.discussionId(), comment.authorId());
    }

    @SqlUpdate("UPDATE comments SET stance = :stance, stance_set_at = :setAt WHERE id = :id")
    void setStance(long id, String stance, Instant setAt);

    /** Everything below a comment, however deep, as a subquery both engines run. */
    String REPLIES_BELOW = """
            WITH RECURSIVE below(id) AS (
                SELECT id FROM comments WHERE parent_id = :commentId
                UNION ALL
                SELECT c.id FROM comments c JOIN below b ON c.parent_id = b.id)
            SELECT id FROM below""";

    /**
     * Moves {@code comment}, with every reply below it, to discussion {@code to} of the same article, as a thread
     * of its own there: its stance is cleared (a stance is about the proposal it was written under), it remembers
     * where it came from, and both discussions' counts and tallies move with it.
     */
    @Transaction
    default void move(Comment comment, Discussion to) {
        int published = countPublishedBelow(comment.id()) + (Visibility.shownToReaders(comment.status()) ? 1 : 0);
        boolean heldAPlace = comment.isTopLevel() && Visibility.keepsItsPlace(comment.status());
        moveReplies(comment.id(), to.id(), comment.depth());
        moveItself(comment.id(), to.id(), comment.discussionId());
        adjustCounts(comment.discussionId(), -published, heldAPlace ? -1 : 0);
        adjustCounts(to.id(), published, Visibility.keepsItsPlace(comment.status()) ? 1 : 0);
        if (comment.stance() != null) {
            stances().recount(comment.discussionId(), comment.authorId());
        }
    }

    @SqlQuery("SELECT COUNT(*) FROM comments WHERE " + Visibility.SHOWN_TO_READERS
            + " AND id IN (" + REPLIES_BELOW + ")")
    int countPublishedBelow(long commentId);

    @SqlUpdate("UPDATE comments SET discussion_id = :to, root_id = :commentId, depth = depth - :depth"
            + " WHERE id IN (" + REPLIES_BELOW + ")")
    void moveReplies(long commentId, long to, int depth);

    @SqlUpdate("""
            UPDATE comments SET discussion_id = :to, parent_id = NULL, root_id = id, depth = 0,
                                moved_from_discussion_id = :from, stance = NULL, stance_set_at = NULL
             WHERE id = :commentId""")
    void moveItself(long commentId, long to, long from);

    /** Every version of an edited comment, kept in the same transaction as the edit. */
    private CommentVersions versions() {
        return getHandle().attach(CommentVersions.class);
    }

    /** Each person's stance per proposal, kept in the same transaction as the comments that set it. */
    private StanceRepository stances() {
        return getHandle().attach(StanceRepository.class);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.import_key = :key")
    Optional<Comment> findByImportKey(String key);

    @SqlUpdate("UPDATE comments SET import_key = :key WHERE id = :id")
    void setImportKey(long id, String key);

    @SqlUpdate("UPDATE comments SET by_article_author = TRUE WHERE id = :id")
    void markByArticleAuthor(long id);

    /** Replaces imported words with a better reading of the same original, as an import run again does. */
    default void reimport(long id, String body, Instant editedAt) {
        setImportedWords(id, body, SearchWords.of(body), editedAt);
    }

    @SqlUpdate("UPDATE comments SET body = :body, search_words = :searchWords, edited_at = :editedAt WHERE id = :id")
    void setImportedWords(long id, String body, String searchWords, Instant editedAt);

    /** The keyed hash of the poster's address, or null (imported comments have none). */
    @SqlQuery("SELECT ip_hash FROM comments WHERE id = :id")
    String ipHash(long id);

    /** Changes the status only if it is still {@code from}, so that a change is counted once however many race. */
    @SqlUpdate("UPDATE comments SET status = :to WHERE id = :id AND status = :from")
    int setStatus(long id, String from, String to);


    @SqlUpdate("UPDATE comments SET author_name = '', body = '', search_words = '', edited_at = :deletedAt WHERE id = :id")
    void wipe(long id, Instant deletedAt);
}
