package org.roundtable.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.Visibility;

@RegisterConstructorMapper(QueueItem.class)
public interface QueueRepository {

    /** The columns a queue item is read from; {@code FROM} follows, naming the comment {@code c}. */
    String COLUMNS = """
            SELECT c.id, a.slug AS article_slug, a.title AS article_title, d.discussion_key, d.position AS discussion_position,
                   d.title AS discussion_title, p.body AS parent_body, c.author_name, c.author_id, c.body, c.status, c.held_reason,
                   c.created_at, c.stance,
                   (SELECT COUNT(*) FROM reports r WHERE r.comment_id = c.id AND r.resolved_at IS NULL) AS report_count
            """;

    String JOINS = """
              JOIN discussions d ON d.id = c.discussion_id
              JOIN articles a ON a.id = d.article_id
              LEFT JOIN comments p ON p.id = c.parent_id
            """;

    String SELECT = COLUMNS + " FROM comments c " + JOINS;

    /**
     * A page of the queue: the {@code limit} comments past the cursor ({@code :time}, {@code :id}) that meet every
     * condition, in {@code order}. {@code from} names the comments {@code c} (with the engine's word index where it is
     * a table of its own, see {@code db.FullText}); {@code conditions} and {@code order} are {@link QueueSearch}'s
     * fixed SQL, never what a moderator typed, which only ever arrives bound. Bindings a view does not use are left
     * unused.
     */
    @SqlQuery(COLUMNS + " FROM <from> " + JOINS + " WHERE <conditions> ORDER BY <order> LIMIT :limit")
    @AllowUnusedBindings
    List<QueueItem> page(@Define("from") String from, @Define("conditions") String conditions, @Define("order") String order,
                         String searchTerms, Long discussionId, String authorName, Long authorId, Long commentId,
                         Instant time, long id, int limit);

    /** How many comments meet the conditions, as {@link #page} takes them. */
    @SqlQuery("SELECT COUNT(*) FROM <from> WHERE <conditions>")
    @AllowUnusedBindings
    int count(@Define("from") String from, @Define("conditions") String conditions,
              String searchTerms, Long discussionId, String authorName, Long authorId, Long commentId);

    /** {@code condition} is one of {@link QueueFilter}'s fixed conditions, never reader input. */
    @SqlQuery("SELECT COUNT(*) FROM comments c WHERE <condition>")
    int count(@Define("condition") String condition);

    @SqlQuery(SELECT + " WHERE c.id = :id")
    Optional<QueueItem> find(long id);

    /** Every discussion a moderator may narrow the queue to, article by article, in their order. */
    @SqlQuery("""
            SELECT d.id, a.title AS article_title, d.position, d.title
              FROM discussions d JOIN articles a ON a.id = d.article_id
             ORDER BY a.title, a.id, d.position""")
    @RegisterConstructorMapper(QueueDiscussion.class)
    List<QueueDiscussion> discussions();

    /** A discussion as the queue's filter names it. */
    record QueueDiscussion(long id, String articleTitle, int position, String title) {
        public String label() {
            return articleTitle + " — " + Discussion.label(position, title);
        }
    }

    /** Open report reasons for the listed comments, as "comment id, reason, details" rows. */
    @SqlQuery("""
            SELECT comment_id, reason, details FROM reports
             WHERE resolved_at IS NULL AND comment_id IN (<ids>)
             ORDER BY created_at""")
    @RegisterConstructorMapper(OpenReport.class)
    List<OpenReport> openReports(@BindList("ids") List<Long> ids);

    record OpenReport(long commentId, String reason, String details) {}

    /**
     * Every discussion with its counts (the comments readers see, those waiting in the Held queue) and newest comment,
     * busiest first.
     */
    @SqlQuery("""
            SELECT d.id AS discussion_id, a.slug AS article_slug, a.title AS article_title, d.position, d.title, d.locked,
                   SUM(CASE WHEN """ + Visibility.SHOWN_TO_READERS + " THEN 1 ELSE 0 END) AS published," + """
                   SUM(CASE WHEN c.status = 'held' THEN 1 ELSE 0 END) AS held,
                   MAX(c.created_at) AS last_comment_at
              FROM discussions d
              JOIN articles a ON a.id = d.article_id
              LEFT JOIN comments c ON c.discussion_id = d.id
             GROUP BY d.id, a.slug, a.title, d.position, d.title, d.locked
             ORDER BY MAX(c.created_at) IS NULL, MAX(c.created_at) DESC, a.slug, d.position""")
    @RegisterConstructorMapper(DiscussionActivity.class)
    List<DiscussionActivity> activity();
}
