package org.roundtable.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ArticleRepository.ArticleMapper.class)
public interface ArticleRepository {

    String COLUMNS = """
            id, slug, title, author, byline, source, published_on, lead_markdown, closing_markdown, moderation_policy""";

    /**
     * Reads {@link #COLUMNS} by position. Every page and every post looks its article up, and jdbi's reflective
     * constructor mapping, prepared afresh for each query, cost more than the query.
     */
    final class ArticleMapper implements RowMapper<Article> {
        @Override
        public Article map(ResultSet row, StatementContext context) throws SQLException {
            return new Article(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                    row.getString(6), LocalDate.parse(row.getString(7)), row.getString(8), row.getString(9),
                    ModerationPolicy.valueOf(row.getString(10).toUpperCase(Locale.ROOT)));
        }
    }

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
                    :leadMarkdown, :closingMarkdown, :importedAt)
            ON CONFLICT (slug) DO NOTHING RETURNING id""")
    Optional<Long> insertIfAbsent(@BindMethods ArticleSource article, @Bind("publishedOn") LocalDate publishedOn,
                @Bind("importedAt") Instant importedAt);
}
