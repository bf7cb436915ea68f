package org.roundtable.search;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.roundtable.comment.Visibility;

/** Comments readers can see, found by their words; the engine's own match comes from {@code db.FullText}. */
@RegisterConstructorMapper(SearchRepository.Found.class)
public interface SearchRepository {

    /** A comment found: enough to show and link it. */
    record Found(long id, String authorName, String body, Instant createdAt, int position, String title) {}

    /**
     * Newest first: a page of the published comments of one article that hold every word searched for. The engine's
     * pieces come from {@code db.FullText}.
     */
    @SqlQuery("""
            SELECT c.id, c.author_name, c.body, c.created_at, d.position, d.title
              FROM <from> JOIN discussions d ON d.id = c.discussion_id
             WHERE d.article_id = :articleId AND """ + Visibility.SHOWN_TO_READERS + """
               AND <matches>
             ORDER BY <newestFirst> LIMIT :limit OFFSET :offset""")
    List<Found> find(@Define("from") String from, @Define("matches") String matches, @Define("newestFirst") String newestFirst,
                     String searchTerms, long articleId, int limit, int offset);

    /**
     * How many of the comments {@link #find} pages through hold every word, counted no further than {@code limit}:
     * a word nearly every comment holds then costs a bounded count, not a pass over them all.
     */
    @SqlQuery("""
            SELECT COUNT(*) FROM (
                SELECT 1
                  FROM <from> JOIN discussions d ON d.id = c.discussion_id
                 WHERE d.article_id = :articleId AND """ + Visibility.SHOWN_TO_READERS + """
                   AND <matches>
                 LIMIT :limit) AS found""")
    int count(@Define("from") String from, @Define("matches") String matches, String searchTerms, long articleId, int limit);

    /** A comment's id and text, whose words are to be made (again). */
    record Written(long id, String body) {}

    /** Comments whose words are not in their search column yet: written before search existed, or imported. */
    @SqlQuery("SELECT id, body FROM comments WHERE id > :after AND search_words = '' AND body <> '' ORDER BY id LIMIT :limit")
    @RegisterConstructorMapper(Written.class)
    List<Written> unindexed(long after, int limit);

    /** Every comment, for words made by another version of SearchWords. */
    @SqlQuery("SELECT id, body FROM comments WHERE id > :after ORDER BY id LIMIT :limit")
    @RegisterConstructorMapper(Written.class)
    List<Written> all(long after, int limit);

    /**
     * Stores each comment's words unless its text changed since it was read (an edit stored its own words then) or
     * the words are the same already (so that a new version rewrites, and re-indexes, only the comments it changes).
     */
    @SqlBatch("UPDATE comments SET search_words = :words WHERE id = :id AND body = :body AND search_words <> :words")
    void index(@Bind("id") List<Long> ids, @Bind("body") List<String> bodies, @Bind("words") List<String> words);
}
