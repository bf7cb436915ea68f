package org.roundtable.moderation;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.roundtable.comment.Visibility;

@RegisterConstructorMapper(QueueItem.class)
public interface QueueRepository {

    String SELECT = """
            SELECT c.id, a.slug AS article_slug, a.title AS article_title, d.discussion_key, d.position AS discussion_position,
                   d.title AS discussion_title, p.body AS parent_body, c.author_name, c.body, c.status, c.held_reason, c.created_at, c.stance,
                   (SELECT COUNT(*) FROM reports r WHERE r.comment_id = c.id AND r.resolved_at IS NULL) AS report_count
              FROM comments c
              JOIN discussions d ON d.id = c.discussion_id
              JOIN articles a ON a.id = d.article_id
              LEFT JOIN comments p ON p.id = c.parent_id
            """;

    /** {@code condition} is one of {@link QueueFilter}'s fixed conditions, never reader input. */
    @SqlQuery(SELECT + " WHERE <condition> ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
    List<QueueItem> page(@Define("condition") String condition, int limit, int offset);

    @SqlQuery("SELECT COUNT(*) FROM comments c WHERE <condition>")
    int count(@Define("condition") String condition);

    @SqlQuery(SELECT + " WHERE c.id = :id")
    Optional<QueueItem> find(long id);

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
