package org.roundtable.author;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.roundtable.comment.Visibility;

@RegisterConstructorMapper(Author.class)
public interface AuthorRepository {

    @SqlQuery("""
            INSERT INTO authors (public_id, manage_token_hash, created_at)
            VALUES (:publicId, :manageTokenHash, :createdAt) RETURNING id""")
    long insert(String publicId, String manageTokenHash, Instant createdAt);

    @SqlUpdate("UPDATE authors SET manage_token_hash = :manageTokenHash WHERE id = :id")
    void replaceManageTokenHash(long id, String manageTokenHash);

    @SqlQuery("SELECT manage_token_hash FROM authors WHERE id = :id")
    String manageTokenHash(long id);

    @SqlUpdate("INSERT INTO retired_private_links (manage_token_hash, retired_at) VALUES (:manageTokenHash, :retiredAt)")
    void retire(String manageTokenHash, Instant retiredAt);

    /** When the private link with this hash was replaced by a newer one, if that was after {@code keptSince}. */
    @SqlQuery("""
            SELECT retired_at FROM retired_private_links
             WHERE manage_token_hash = :manageTokenHash AND retired_at > :keptSince""")
    Optional<Instant> retiredAt(String manageTokenHash, Instant keptSince);

    @SqlQuery("SELECT id, public_id, created_at FROM authors WHERE public_id = :publicId")
    Optional<Author> findByPublicId(String publicId);

    @SqlQuery("SELECT id, public_id, created_at FROM authors WHERE manage_token_hash = :manageTokenHash")
    Optional<Author> findByManageTokenHash(String manageTokenHash);

    /**
     * Whether the reader {@code viewerId} has a comment on this article that only they see or can still change: one
     * awaiting a moderator, or one posted since {@code editableSince}. Their page of the article is then their own.
     * Two lookups, each bounded (by status, by time), rather than a walk through everything they wrote.
     */
    @SqlQuery("""
            SELECT EXISTS (
                SELECT 1 FROM comments c
                  JOIN discussions d ON d.id = c.discussion_id
                  JOIN articles a ON a.id = d.article_id
                 WHERE """ + Visibility.SHOWN_TO_ITS_AUTHOR + """
                   AND a.slug = :articleSlug)
                OR EXISTS (
                SELECT 1 FROM comments c
                  JOIN discussions d ON d.id = c.discussion_id
                  JOIN articles a ON a.id = d.article_id
                 WHERE c.author_id = :viewerId AND c.created_at > :editableSince AND a.slug = :articleSlug
                   AND """ + Visibility.SHOWN_TO_READERS + ")")
    boolean hasOwnCommentsShowing(long viewerId, String articleSlug, Instant editableSince);

    /** Everything this author wrote that still has words, newest first, with where it was posted. */
    @SqlQuery("""
            SELECT c.id, a.slug AS article_slug, a.title AS article_title, d.position AS discussion_position, d.title AS discussion_title,
                   c.body, c.created_at, c.edited_at
              FROM comments c
              JOIN discussions d ON d.id = c.discussion_id
              JOIN articles a ON a.id = d.article_id
             WHERE c.author_id = :authorId AND """ + Visibility.SHOWN_TO_READERS + """
             ORDER BY c.created_at DESC, c.id DESC""")
    @RegisterConstructorMapper(AuthoredComment.class)
    List<AuthoredComment> comments(long authorId);

    /**
     * The ids of the comments this author wrote on an article and still sees there ({@link Visibility}: published,
     * or awaiting a moderator), for their own scripts to treat as theirs. One they deleted is left out: it is no
     * longer theirs on the page, and whoever picks up their browser later should not find it listed.
     */
    @SqlQuery("SELECT c.id FROM comments c JOIN discussions d ON d.id = c.discussion_id"
            + " WHERE c.author_id = :viewerId AND d.article_id = :articleId"
            + " AND (" + Visibility.SHOWN_TO_READERS + " OR " + Visibility.SHOWN_TO_ITS_AUTHOR + ") ORDER BY c.id")
    List<Long> commentIdsOn(@Bind("viewerId") long authorId, long articleId);
}
