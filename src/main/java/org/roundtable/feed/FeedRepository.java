package org.roundtable.feed;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.roundtable.comment.Visibility;

@RegisterConstructorMapper(FeedEntry.class)
public interface FeedRepository {

    int SIZE = 50;

    String SELECT = """
            SELECT c.id, a.slug AS article_slug, a.title AS article_title, d.discussion_key, d.position AS discussion_position,
                   d.title AS discussion_title, c.author_name, c.body, c.created_at, c.edited_at, c.stance
              FROM comments c
              JOIN discussions d ON d.id = c.discussion_id
              JOIN articles a ON a.id = d.article_id
            """;
    String NEWEST = " ORDER BY c.created_at DESC, c.id DESC LIMIT " + SIZE;

    @SqlQuery(SELECT + " WHERE a.slug = :slug AND " + Visibility.SHOWN_TO_READERS + NEWEST)
    List<FeedEntry> newestOnArticle(String slug);

    @SqlQuery(SELECT + " WHERE a.slug = :slug AND d.discussion_key = :discussionKey AND " + Visibility.SHOWN_TO_READERS
            + NEWEST)
    List<FeedEntry> newestInDiscussion(String slug, String discussionKey);

    /**
     * Replies by others to anything this author wrote: notifications without email. The comments answered are read
     * in a subquery, so that the visibility condition has one {@code comments} to mean: the reply.
     */
    @SqlQuery(SELECT + """
             JOIN (SELECT id, author_id FROM comments) parent ON parent.id = c.parent_id
             WHERE parent.author_id = :authorId AND (c.author_id IS NULL OR c.author_id <> :authorId)
               AND """ + Visibility.SHOWN_TO_READERS + NEWEST)
    List<FeedEntry> repliesTo(long authorId);
}
