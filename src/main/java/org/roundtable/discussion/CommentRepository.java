package org.roundtable.discussion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(Comment.class)
public interface CommentRepository {

    String COLUMNS = """
            c.id, c.discussion_id, c.parent_id, c.root_id, c.depth, c.author_id, c.author_name, c.body,
            c.status, c.created_at, c.edited_at, c.edited_by_moderator
            """;


    /** What a new comment is made of, besides where it goes. */
    record NewComment(Long authorId, String authorName, String body, CommentStatus status, String ipHash, Instant createdAt) {}

    /** Stores a comment, making a top-level one the root of its own thread; returns its id. */
    @Transaction
    default long add(long discussionId, Comment parent, NewComment comment) {
        if (parent == null) {
            long id = insert(discussionId, null, null, 0, comment);
            makeOwnRoot(id);
            return id;
        }
        return insert(discussionId, parent.id(), parent.rootId(), parent.depth() + 1, comment);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.id = :id")
    Optional<Comment> find(long id);

    @SqlQuery("SELECT " + COLUMNS + """
              FROM comments c JOIN discussions d ON d.id = c.discussion_id
             WHERE c.id = :id AND d.article_id = :articleId""")
    Optional<Comment> findInArticle(long id, long articleId);

    @SqlQuery("SELECT " + COLUMNS + """
              FROM comments c JOIN discussions d ON d.id = c.discussion_id
             WHERE d.article_id = :articleId
             ORDER BY c.created_at, c.id""")
    List<Comment> forArticle(long articleId);

    /**
     * The whole thread a comment belongs to, oldest first: one indexed query, assembled in memory, where
     * each reader's view decides what they see.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.root_id = :rootId ORDER BY c.created_at, c.id")
    List<Comment> inThread(long rootId);

    @SqlQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.author_id = :authorId ORDER BY c.created_at DESC, c.id DESC")
    List<Comment> byAuthor(long authorId);

    @SqlUpdate("""
            INSERT INTO comments (discussion_id, parent_id, root_id, depth, author_id, author_name, body, status,
                                  ip_hash, created_at)
            VALUES (:discussionId, :parentId, :rootId, :depth, :c.authorId, :c.authorName, :c.body, :status,
                    :c.ipHash, :c.createdAt)""")
    @GetGeneratedKeys
    long insert(long discussionId, Long parentId, Long rootId, int depth, @BindMethods("c") NewComment comment,
                @Bind("status") String status);

    default long insert(long discussionId, Long parentId, Long rootId, int depth, NewComment comment) {
        return insert(discussionId, parentId, rootId, depth, comment, comment.status().dbValue());
    }

    /** The same words from the same author or address in the same discussion since {@code since}. */
    @SqlQuery("""
            SELECT COUNT(*) > 0 FROM comments
             WHERE discussion_id = :discussionId AND body = :body AND created_at > :since
               AND (author_id = :authorId OR ip_hash = :ipHash)""")
    boolean duplicateExists(long discussionId, long authorId, String ipHash, String body, Instant since);

    @SqlQuery("SELECT COUNT(*) FROM comments WHERE author_id = :authorId")
    int countByAuthor(long authorId);

    @SqlQuery("SELECT COUNT(*) > 0 FROM comments WHERE author_id = :authorId AND status = 'published'")
    boolean hasPublished(long authorId);

    @SqlUpdate("UPDATE comments SET root_id = id WHERE id = :id")
    void makeOwnRoot(long id);

    @SqlUpdate("UPDATE comments SET author_name = :authorName, body = :body, edited_at = :editedAt WHERE id = :id")
    void edit(long id, String authorName, String body, Instant editedAt);

    /** The keyed hash of the poster's address, or null (imported comments have none). */
    @SqlQuery("SELECT ip_hash FROM comments WHERE id = :id")
    String ipHash(long id);

    @SqlUpdate("UPDATE comments SET status = :status WHERE id = :id")
    void setStatus(long id, String status);

    @SqlUpdate("UPDATE comments SET body = :body, edited_at = :editedAt, edited_by_moderator = TRUE WHERE id = :id")
    void editByModerator(long id, String body, Instant editedAt);

    /** Removes the words but keeps the row, so replies keep their place under a "[deleted]" placeholder. */
    @SqlUpdate("UPDATE comments SET status = 'deleted', author_name = '', body = '', edited_at = :deletedAt WHERE id = :id")
    void delete(long id, Instant deletedAt);
}
