package org.roundtable.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.SearchWords;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.db.FullText;

@BothEngines
class SearchRepositoryTest {

    private Jdbi jdbi;
    private FullText fullText;
    private TestContent content;
    private SearchRepository search;
    private Article article;
    private Discussion general;

    @BeforeEach
    void storeAnArticle(Database database) {
        jdbi = database.jdbi();
        fullText = database.fullText();
        content = new TestContent(database);
        search = jdbi.onDemand(SearchRepository.class);
        article = content.article("alliance", "بندر مشترک");
        general = content.general(article);
    }

    @Test
    void theCommentsHoldingEveryWordAreFoundNewestFirstWithWhereTheyWerePosted() {
        Comment older = content.comment(general).named("Sara").saying("Gwadar is a deep port.").post();
        content.comment(general).saying("Gwadar alone.").post();
        Comment newer = content.comment(content.proposal(article, 1)).saying("A PORT at *Gwadar*, they said").post();

        assertThat(find("port gwadar", 10, 0)).containsExactly(
                new SearchRepository.Found(newer.id(), "Sara", "A PORT at *Gwadar*, they said", newer.createdAt(), 1, "بندر مشترک"),
                new SearchRepository.Found(older.id(), "Sara", "Gwadar is a deep port.", older.createdAt(), 0, null));
    }

    @Test
    void persianAndUrduWordsAreFoundHoweverTheirLettersAndJoinersWereTyped() {
        Comment persian = content.comment(general).saying("من می\u200Cخواهم دربارهٔ گوادر بنویسم").post();
        Comment arabicLetters = content.comment(general).saying("علي يكتب عن كراچي").post();
        Comment urdu = content.comment(general).saying("پاکستان اور ایران کی دوستی").post();

        assertThat(ids(find("میخواهم", 10, 0))).containsExactly(persian.id());
        assertThat(ids(find("علی کراچی", 10, 0))).as("Arabic yeh and Persian yeh are one letter")
                .containsExactly(arabicLetters.id());
        assertThat(ids(find("ایران دوستی", 10, 0))).containsExactly(urdu.id());
        assertThat(find("گوادر کراچی", 10, 0)).isEmpty();
    }

    @Test
    void onlyThePublishedCommentsOfTheArticleAreFound() {
        Comment published = content.comment(general).saying("pipeline").post();
        content.comment(general).saying("pipeline").held(CommentStatus.HELD, "First comment").post();
        content.comment(content.general(content.article("other"))).saying("pipeline").post();
        Comment deleted = content.comment(general).saying("pipeline").post();
        jdbi.useExtension(CommentRepository.class, comments -> comments.deleteByAuthor(deleted, deleted.createdAt()));

        assertThat(ids(find("pipeline", 10, 0))).containsExactly(published.id());
    }

    @Test
    void aPageOfResultsIsLimitedAndSkipsThoseOfThePagesBefore() {
        List<Long> written = IntStream.range(0, 5)
                .mapToObj(i -> content.comment(general).saying("trade " + i).post().id()).toList();

        assertThat(ids(find("trade", 2, 0))).containsExactly(written.get(4), written.get(3));
        assertThat(ids(find("trade", 2, 2))).containsExactly(written.get(2), written.get(1));
        assertThat(ids(find("trade", 2, 4))).containsExactly(written.get(0));
    }

    @Test
    void theMatchesAreCountedNoFurtherThanTheLimit() {
        IntStream.range(0, 5).forEach(i -> content.comment(general).saying("trade " + i).post());
        content.comment(general).saying("trade held").held(CommentStatus.HELD, "First comment").post();
        content.comment(content.general(content.article("other"))).saying("trade elsewhere").post();

        String terms = fullText.terms().apply(SearchWords.words("trade"));
        assertThat(search.count(fullText.fromSql(), fullText.matchSql(), terms, article.id(), 100)).isEqualTo(5);
        assertThat(search.count(fullText.fromSql(), fullText.matchSql(), terms, article.id(), 3)).isEqualTo(3);
        assertThat(search.count(fullText.fromSql(), fullText.matchSql(), fullText.terms().apply(SearchWords.words("trade 4")),
                article.id(), 100)).isEqualTo(1);
    }

    @Test
    void anEditedCommentIsFoundByItsNewWordsOnly() {
        Comment comment = content.comment(general).saying("Chabahar").post();

        Instant editedAt = comment.createdAt().plus(Duration.ofMinutes(1));
        jdbi.useExtension(CommentRepository.class, comments -> comments.edit(comment, comment.authorName(), "Gwadar", comment.stance(), editedAt));

        assertThat(find("chabahar", 10, 0)).isEmpty();
        assertThat(ids(find("gwadar", 10, 0))).containsExactly(comment.id());
    }

    @Test
    void whatAReaderTypesIsOnlyWordsNeverTheEnginesSyntax() {
        Comment comment = content.comment(general).saying("Gwadar OR \"port\" NOT trade -- ' \\").post();
        content.comment(general).saying("Gwadar alone").post();

        assertThat(ids(find("gwadar OR port", 10, 0))).containsExactly(comment.id());
        assertThat(ids(find("NOT trade", 10, 0))).containsExactly(comment.id());
        assertThat(find("gwadar\" OR \"alone", 10, 0)).isEmpty();
    }

    @Test
    void commentsWhoseWordsAreNotStoredAreFoundAndIndexedAPageAtATime() {
        Comment first = content.comment(general).saying("Gwadar").post();
        Comment wordless = content.comment(general).saying("🤝 …").post();
        Comment third = content.comment(general).saying("Chabahar").post();
        search.index(List.of(first.id(), third.id()), List.of(first.body(), third.body()), List.of("", ""));
        assertThat(find("gwadar", 10, 0)).as("as if written before search was").isEmpty();

        assertThat(search.unindexed(0, 10)).containsExactly(new SearchRepository.Written(first.id(), "Gwadar"),
                new SearchRepository.Written(wordless.id(), "🤝 …"), new SearchRepository.Written(third.id(), "Chabahar"));
        assertThat(search.unindexed(first.id(), 1)).containsExactly(new SearchRepository.Written(wordless.id(), "🤝 …"));

        search.index(List.of(first.id(), third.id()), List.of(first.body(), third.body()),
                List.of(SearchWords.of(first.body()), SearchWords.of(third.body())));

        assertThat(ids(find("gwadar", 10, 0))).containsExactly(first.id());
        assertThat(ids(find("chabahar", 10, 0))).containsExactly(third.id());
        assertThat(search.unindexed(0, 10)).extracting(SearchRepository.Written::id).containsExactly(wordless.id());
    }

    @Test
    void wordsMadeFromTextThatChangedSinceItWasReadAreNotStored() {
        Comment comment = content.comment(general).saying("Gwadar").post();
        jdbi.useExtension(CommentRepository.class,
                comments -> comments.edit(comment, comment.authorName(), "Chabahar", comment.stance(), comment.createdAt().plusSeconds(60)));

        search.index(List.of(comment.id()), List.of("Gwadar"), List.of(SearchWords.of("Gwadar")));

        assertThat(find("gwadar", 10, 0)).isEmpty();
        assertThat(ids(find("chabahar", 10, 0))).containsExactly(comment.id());
    }

    @Test
    void everyCommentIsReadAgainInTheOrderOfItsIdAPageAtATime() {
        Comment first = content.comment(general).saying("One").post();
        Comment second = content.comment(content.general(content.article("other"))).saying("Two").post();
        Comment third = content.comment(general).saying("Three").held(CommentStatus.SPAM, "Spam trap").post();

        assertThat(search.all(0, 2)).containsExactly(new SearchRepository.Written(first.id(), "One"),
                new SearchRepository.Written(second.id(), "Two"));
        assertThat(search.all(second.id(), 2)).containsExactly(new SearchRepository.Written(third.id(), "Three"));
        assertThat(search.all(third.id(), 2)).isEmpty();
    }

    /** As the search page asks: the reader's words, in the engine's own query. */
    private List<SearchRepository.Found> find(String query, int limit, int offset) {
        return search.find(fullText.fromSql(), fullText.matchSql(), fullText.newestFirstSql(),
                fullText.terms().apply(SearchWords.words(query)), article.id(), limit, offset);
    }

    private static List<Long> ids(List<SearchRepository.Found> found) {
        return found.stream().map(SearchRepository.Found::id).toList();
    }
}
