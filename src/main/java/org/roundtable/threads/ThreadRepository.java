package org.roundtable.threads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.Stance;
import org.roundtable.comment.ThreadCursor;
import org.roundtable.comment.ThreadOrder;
import org.roundtable.comment.Visibility;

/**
 * Reading a discussion a page of threads at a time: which threads earn a place for a viewer, where a page starts
 * and ends in each order, and the comments of a page or of one whole thread. Storing and changing comments is
 * {@link CommentRepository}'s.
 */
@RegisterRowMapper(CommentRepository.CommentMapper.class)
public interface ThreadRepository {

    /**
     * {@link CommentRepository#COLUMNS} without the words: a page takes most comments' HTML from {@link CommentMarkdown}'s cache
     * and reads {@link #bodies} only for the rest. Reading and decoding the words was half of a page's reading.
     */
    String COLUMNS_WITHOUT_BODY = """
            c.id, c.discussion_id, c.parent_id, c.root_id, c.depth, c.author_id, c.author_name, NULL AS body,
            c.status, c.created_at, c.edited_at, c.edited_by_moderator, c.by_article_author, c.stance,
            c.helpful_count,
            """ + CommentRepository.MOVED_FROM;

    /**
     * Top-level comments whose threads earn a place on a page for this viewer: those that keep their place
     * (published ones, and deleted ones, which may hold replies), and the viewer's own while they await moderation.
     */
    String ROOTS_WHERE = " FROM comments r WHERE r.discussion_id = :discussionId AND r.parent_id IS NULL"
            + " AND (" + Visibility.KEEPS_ITS_PLACE + " OR " + Visibility.SHOWN_TO_ITS_AUTHOR + ")"
            + " <stanceFilter>\n";

    /**
     * The condition {@link #ROOTS_WHERE} adds to keep only the threads of one stance ({@code null}: every thread):
     * a fixed piece of SQL per stance, so each has its own plan and the unfiltered one stays on its covering index.
     */
    static String stanceFilter(Stance stance) {
        return stance == null ? "" : "AND r.stance = '" + stance.value() + "'";
    }

    /** How many threads of one stance earn a place on a page for this viewer: the filtered pages' count. */
    @SqlQuery("SELECT COUNT(*)" + ROOTS_WHERE)
    int countThreads(@Define("stanceFilter") String stanceFilter, long discussionId, Long viewerId);
    String ROOTS = "SELECT r.id" + ROOTS_WHERE;

    /**
     * How many comments readers see in the threads of one stance, replies included: what a page filtered by stance
     * shows, counted as the discussion's own count is.
     */
    @SqlQuery("SELECT COUNT(*) FROM comments c WHERE c.root_id IN (" + ROOTS + ") AND " + Visibility.SHOWN_TO_READERS)
    int countShownInThreads(@Define("stanceFilter") String stanceFilter, long discussionId, Long viewerId);

    /**
     * Where a page starts in {@code order}: past the cursor, as a row value, which SQLite and PostgreSQL both seek
     * to on the thread-roots index. Spelled out as {@code created_at > :time OR (created_at = :time AND id > :id)},
     * SQLite could not tell the two {@code :time} were one value and walked the discussion's roots from the first,
     * at 1,000,000 comments ten times slower. The "Top" orders compare the helpful count first.
     */
    static String seek(ThreadOrder order) {
        return switch (order) {
            case OLDEST_FIRST -> "AND (r.created_at, r.id) > (:time, :id)";
            case NEWEST_FIRST -> "AND (r.created_at, r.id) < (:time, :id)";
            case MOST_HELPFUL_FIRST ->
                    "AND (r.helpful_count < :helpful OR (r.helpful_count = :helpful AND (r.created_at, r.id) > (:time, :id)))";
            case LEAST_HELPFUL_FIRST ->
                    "AND (r.helpful_count > :helpful OR (r.helpful_count = :helpful AND (r.created_at, r.id) < (:time, :id)))";
        };
    }

    /** The thread roots in {@code order}, as {@link #seek} reads past them. */
    static String orderBy(ThreadOrder order) {
        return switch (order) {
            case OLDEST_FIRST -> "r.created_at, r.id";
            case NEWEST_FIRST -> "r.created_at DESC, r.id DESC";
            case MOST_HELPFUL_FIRST -> "r.helpful_count DESC, r.created_at, r.id";
            case LEAST_HELPFUL_FIRST -> "r.helpful_count, r.created_at DESC, r.id DESC";
        };
    }

    /**
     * One page of a discussion: the {@code limit} top-level comments past the cursor in the order {@code seek} and
     * {@code orderBy} spell, and every reply in their threads, oldest first, in one query on the thread-roots
     * index and the root_id index; without their words (see {@link #COLUMNS_WITHOUT_BODY}).
     */
    @SqlQuery("SELECT " + COLUMNS_WITHOUT_BODY + " FROM comments c WHERE c.root_id IN (" + ROOTS + """
             <seek> ORDER BY <orderBy> LIMIT :limit)
             ORDER BY c.created_at, c.id""")
    List<Comment> threads(@Define("seek") String seek, @Define("orderBy") String orderBy,
                          @Define("stanceFilter") String stanceFilter, long discussionId, Long viewerId,
                          @BindMethods ThreadCursor from, int limit);

    default List<Comment> threads(ThreadOrder order, String stanceFilter, long discussionId, Long viewerId,
                                  ThreadCursor from, int limit) {
        return threads(seek(order), orderBy(order), stanceFilter, discussionId, viewerId, from, limit);
    }

    /**
     * Where threads start, in {@code order} past the cursor: {@code offset} skipped, then {@code limit}. Page links
     * read a few dozen of these; only finding the page of a given thread skips far.
     */
    @SqlQuery("SELECT r.helpful_count, r.created_at, r.id" + ROOTS_WHERE + " <seek> ORDER BY <orderBy> LIMIT :limit OFFSET :offset")
    @RegisterRowMapper(CursorMapper.class)
    List<ThreadCursor> roots(@Define("seek") String seek, @Define("orderBy") String orderBy,
                             @Define("stanceFilter") String stanceFilter, long discussionId, Long viewerId,
                             @BindMethods ThreadCursor from, int limit, int offset);

    default List<ThreadCursor> roots(ThreadOrder order, String stanceFilter, long discussionId, Long viewerId,
                                     ThreadCursor from, int limit, int offset) {
        return roots(seek(order), orderBy(order), stanceFilter, discussionId, viewerId, from, limit, offset);
    }

    /**
     * How many threads come past this one in {@code order}, counting no further than {@code limit}: enough to
     * tell whether it is on a discussion's first page, at the same cost however long the discussion.
     */
    @SqlQuery("SELECT COUNT(*) FROM (" + ROOTS + " <seek> LIMIT :limit) past")
    int countRoots(@Define("seek") String seek, @Define("stanceFilter") String stanceFilter, long discussionId,
                   Long viewerId, @BindMethods ThreadCursor from, int limit);

    default int countRoots(ThreadOrder order, String stanceFilter, long discussionId, Long viewerId, ThreadCursor from,
                           int limit) {
        return countRoots(seek(order), stanceFilter, discussionId, viewerId, from, limit);
    }

    /** Reads a cursor as {@link #roots} selects it. */
    final class CursorMapper implements RowMapper<ThreadCursor> {
        @Override
        public ThreadCursor map(ResultSet row, StatementContext context) throws SQLException {
            return new ThreadCursor(row.getInt(1), row.getTimestamp(2).toInstant(), row.getLong(3));
        }
    }

    /** The words of these comments, by id. */
    @SqlQuery("SELECT id, body FROM comments WHERE id IN (<ids>)")
    @KeyColumn("id")
    @ValueColumn("body")
    Map<Long, String> bodies(@BindList("ids") Collection<Long> ids);

    /**
     * The whole thread a comment belongs to, oldest first: one indexed query, assembled in memory, where
     * each reader's view decides what they see.
     */
    @SqlQuery("SELECT " + CommentRepository.COLUMNS + " FROM comments c WHERE c.root_id = :rootId ORDER BY c.created_at, c.id")
    List<Comment> inThread(long rootId);
}
