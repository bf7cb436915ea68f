package org.roundtable.discussion;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(Comment.class)
public interface CommentRepository {

    String COLUMNS = """
            c.id, c.discussion_id, c.parent_id, c.root_id, c.depth, c.author_name, c.body,
            c.status, c.created_at, c.edited_at""";

    /** Stores a top-level comment and makes it the root of its own thread. */
    @Transaction
    default long addTopLevel(long discussionId, String authorName, String body, Instant createdAt) {
        long id = insert(discussionId, null, null, 0, authorName, body, CommentStatus.PUBLISHED.dbValue(), createdAt);
        makeOwnRoot(id);
        return id;
    }

    @SqlQuery("SELECT " + COLUMNS + """

              FROM comments c JOIN discussions d ON d.id = c.discussion_id
             WHERE d.article_id = :articleId AND c.status = 'published'
             ORDER BY c.created_at, c.id""")
    List<Comment> publishedForArticle(long articleId);

    @SqlUpdate("""
            INSERT INTO comments (discussion_id, parent_id, root_id, depth, author_name, body, status, created_at)
            VALUES (:discussionId, :parentId, :rootId, :depth, :authorName, :body, :status, :createdAt)""")
    @GetGeneratedKeys
    long insert(long discussionId, Long parentId, Long rootId, int depth,
                String authorName, String body, String status, Instant createdAt);

    @SqlUpdate("UPDATE comments SET root_id = id WHERE id = :id")
    void makeOwnRoot(long id);
}
