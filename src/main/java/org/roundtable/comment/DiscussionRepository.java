package org.roundtable.comment;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Discussion.class)
public interface DiscussionRepository {

    /**
     * The counts are of published comments and of threads with a place on pages (kept up to date by
     * CommentRepository.changeStatus); the tallies of people by stance (kept by StanceRepository).
     */
    String SELECT = """
            SELECT d.id, d.article_id, d.discussion_key AS key, d.position, d.title, d.body_markdown, d.locked,
                   d.comment_count, d.thread_count, d.tally_for, d.tally_against, d.tally_undecided
              FROM discussions d
            """;

    @SqlQuery(SELECT + " WHERE d.article_id = :articleId ORDER BY d.position")
    List<Discussion> forArticle(long articleId);

    @SqlQuery(SELECT + " WHERE d.article_id = :articleId AND d.discussion_key = :key")
    Optional<Discussion> find(long articleId, String key);

    @SqlQuery(SELECT + " WHERE d.id = :id")
    Optional<Discussion> findById(long id);

    @SqlUpdate("UPDATE discussions SET locked = :locked WHERE id = :id")
    void setLocked(long id, boolean locked);

    @SqlQuery("""
            INSERT INTO discussions (article_id, discussion_key, position, title, body_markdown)
            VALUES (:articleId, :key, :position, :title, :bodyMarkdown) RETURNING id""")
    long insert(long articleId, String key, int position, String title, String bodyMarkdown);
}
