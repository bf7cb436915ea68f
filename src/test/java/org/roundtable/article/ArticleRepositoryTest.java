package org.roundtable.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class ArticleRepositoryTest {

    private static final Instant IMPORTED_AT = Instant.parse("2026-03-01T09:00:00Z");

    private ArticleRepository articles;

    @BeforeEach
    void open(Database database) {
        articles = database.jdbi().onDemand(ArticleRepository.class);
    }

    @Test
    void anArticleIsStoredOnceAndComesBackAsWritten() {
        ArticleSource source = source("iran-pakistan", "اتحاد راهبردی ایران و پاکستان", LocalDate.of(2018, 3, 23));

        long id = articles.insertIfAbsent(source, source.published(), IMPORTED_AT).orElseThrow();

        assertThat(articles.insertIfAbsent(source("iran-pakistan", "Again", LocalDate.of(2020, 1, 1)), LocalDate.of(2020, 1, 1),
                IMPORTED_AT)).as("the same slug again").isEmpty();
        assertThat(articles.findBySlug("iran-pakistan")).contains(new Article(id, "iran-pakistan",
                "اتحاد راهبردی ایران و پاکستان", "Hamid", "By Hamid, in Tehran", null, LocalDate.of(2018, 3, 23),
                "The lead.", "The closing.", ModerationPolicy.OPEN));
        assertThat(articles.exists("iran-pakistan")).isTrue();
        assertThat(articles.exists("Iran-Pakistan")).as("slugs differ by case").isFalse();
        assertThat(articles.findBySlug("elsewhere")).isEmpty();
    }

    @Test
    void articlesAreListedNewestFirstAndOnTheSameDayTheLaterStored() {
        long old = insert("old", LocalDate.of(2017, 12, 31));
        long sameDayFirst = insert("same-day-first", LocalDate.of(2018, 3, 23));
        long sameDaySecond = insert("same-day-second", LocalDate.of(2018, 3, 23));
        long newest = insert("newest", LocalDate.of(2024, 2, 29));

        assertThat(articles.listNewestFirst()).extracting(Article::id).containsExactly(newest, sameDaySecond, sameDayFirst, old);
    }

    @Test
    void anArticlesModerationPolicyIsChanged() {
        long id = insert("policy", LocalDate.of(2018, 3, 23));
        assertThat(articles.policy(id)).isEqualTo("open");

        articles.setPolicy(id, "first_time_held");

        assertThat(articles.policy(id)).isEqualTo("first_time_held");
        assertThat(articles.findBySlug("policy").orElseThrow().moderationPolicy()).isEqualTo(ModerationPolicy.FIRST_TIME_HELD);
    }

    private long insert(String slug, LocalDate published) {
        return articles.insertIfAbsent(source(slug, "Title", published), published, IMPORTED_AT).orElseThrow();
    }

    private static ArticleSource source(String slug, String title, LocalDate published) {
        return new ArticleSource(slug, title, "Hamid", "By Hamid, in Tehran", null, published, "The lead.", List.of(),
                "The closing.", List.of());
    }
}
