package org.roundtable.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Article.class)
public interface ArticleRepository {

    String COLUMNS = """
            id, slug, title, author, byline, source, published_on, lead_markdown, closing_markdown, moderation_policy""";

    @SqlQuery("SELECT " + COLUMNS + " FROM articles WHERE slug = :slug")
    Optional<Article> findBySlug(String slug);

    @SqlQuery("SELECT " + COLUMNS + " FROM articles ORDER BY published_on DESC, id DESC")
    List<Article> listNewestFirst();

    @SqlQuery("SELECT COUNT(*) > 0 FROM articles WHERE slug = :slug")
    boolean exists(String slug);

    @SqlQuery("SELECT moderation_policy FROM articles WHERE id = :id")
    String policy(long id);

    @SqlUpdate("UPDATE articles SET moderation_policy = :policy WHERE id = :id")
    void setPolicy(long id, String policy);

    @SqlQuery("""
            INSERT INTO articles (slug, title, author, byline, source, published_on,
                                  lead_markdown, closing_markdown, imported_at)
            VALUES (:slug, :title, :author, :byline, :source, :publishedOn,
                    :leadMarkdown, :closingMarkdown, :importedAt) RETURNING id""")
    long insert(@BindMethods ArticleSource article, @Bind("publishedOn") String publishedOn,
                @Bind("importedAt") Instant importedAt);
}
