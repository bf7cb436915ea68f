package org.roundtable.summary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every revision of every proposal's summary; the newest of a discussion is its current one. */
@RegisterConstructorMapper(Summary.class)
public interface SummaryRepository {

    String COLUMNS = "s.id, s.discussion_id, s.body_markdown, s.written_by, s.created_at";

    /** The current summary of each of the article's discussions that has one. */
    @SqlQuery("SELECT " + COLUMNS + """
              FROM summaries s JOIN discussions d ON d.id = s.discussion_id
             WHERE d.article_id = :articleId
               AND NOT EXISTS (SELECT 1 FROM summaries later
                                WHERE later.discussion_id = s.discussion_id
                                  AND (later.created_at, later.id) > (s.created_at, s.id))""")
    List<Summary> currentForArticle(long articleId);

    /** A discussion's revisions, newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM summaries s WHERE s.discussion_id = :discussionId ORDER BY s.created_at DESC, s.id DESC")
    List<Summary> history(long discussionId);

    @SqlQuery("SELECT " + COLUMNS + " FROM summaries s WHERE s.id = :id AND s.discussion_id = :discussionId")
    Optional<Summary> revision(long discussionId, long id);

    /** A proposal's discussion, by the article's slug and the discussion's key; empty for the general one. */
    @SqlQuery("""
            SELECT d.id AS discussion_id, a.slug AS article_slug, d.discussion_key AS key, d.position, d.title
              FROM discussions d JOIN articles a ON a.id = d.article_id
             WHERE a.slug = :slug AND d.discussion_key = :key AND d.position > 0""")
    @RegisterConstructorMapper(SummarizedProposal.class)
    Optional<SummarizedProposal> proposal(String slug, String key);

    @SqlQuery("""
            INSERT INTO summaries (discussion_id, body_markdown, moderator_id, written_by, created_at)
            VALUES (:discussionId, :bodyMarkdown, :moderatorId, :writtenBy, :createdAt) RETURNING id""")
    long insert(long discussionId, String bodyMarkdown, Long moderatorId, String writtenBy, Instant createdAt);

    @SqlUpdate("UPDATE moderators SET display_name = :name WHERE id = :moderatorId")
    void rename(long moderatorId, String name);

    /** The name a moderator is shown to readers by ("the moderators" until they choose one). */
    @SqlQuery("SELECT display_name FROM moderators WHERE id = :moderatorId")
    Optional<String> displayName(long moderatorId);
}
