package org.roundtable.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.comment.CommentStatus.DELETED;
import static org.roundtable.comment.CommentStatus.HELD;
import static org.roundtable.comment.CommentStatus.PUBLISHED;
import static org.roundtable.comment.CommentStatus.SPAM;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.article.ArticleRepository;
import org.roundtable.article.ArticleSource;
import org.roundtable.author.AuthorRepository;
import org.roundtable.db.Database;

/**
 * Who sees a comment, rule by rule: each predicate over every status and every kind of reader, and each SQL
 * condition choosing, from comments stored through the repositories, exactly the ones its predicate chooses.
 */
class VisibilityTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Long WRITER = 7L;
    private static final Long ANOTHER_READER = 8L;
    /** A reader the site does not know, and the browser behind an imported comment: nobody. */
    private static final Long NOBODY = null;

    @TempDir
    Path folder;

    @Test
    void everyReaderSeesTheWordsOfPublishedCommentsOnly() {
        assertThat(statusesWhere(Visibility::shownToReaders)).containsExactly(PUBLISHED);
    }

    @Test
    void publishedAndDeletedCommentsKeepTheirPlace() {
        assertThat(statusesWhere(Visibility::keepsItsPlace)).containsExactly(PUBLISHED, DELETED);
    }

    @Test
    void itsAuthorAlsoSeesTheirCommentWhileItAwaitsAModerator() {
        assertThat(statusesWhere(status -> Visibility.shownToItsAuthor(comment(status, WRITER), WRITER)))
                .containsExactly(HELD, SPAM);
    }

    @Test
    void noOtherReaderSeesACommentAsItsAuthor() {
        assertThat(statusesWhere(status -> Visibility.shownToItsAuthor(comment(status, WRITER), ANOTHER_READER)))
                .as("another reader").isEmpty();
        assertThat(statusesWhere(status -> Visibility.shownToItsAuthor(comment(status, WRITER), NOBODY)))
                .as("a reader the site does not know").isEmpty();
        assertThat(statusesWhere(status -> Visibility.shownToItsAuthor(comment(status, NOBODY), NOBODY)))
                .as("an imported comment, to a reader the site does not know").isEmpty();
        assertThat(statusesWhere(status -> Visibility.shownToItsAuthor(comment(status, NOBODY), WRITER)))
                .as("an imported comment, to a known reader").isEmpty();
    }

    @Test
    void theAuthorIsTheBrowserThatPostedIt() {
        assertThat(Visibility.isItsAuthor(comment(PUBLISHED, WRITER), WRITER)).isTrue();
        assertThat(Visibility.isItsAuthor(comment(PUBLISHED, WRITER), ANOTHER_READER)).isFalse();
        assertThat(Visibility.isItsAuthor(comment(PUBLISHED, WRITER), NOBODY)).isFalse();
        assertThat(Visibility.isItsAuthor(comment(PUBLISHED, NOBODY), NOBODY)).as("nobody wrote an imported comment").isFalse();
    }

    @Test
    void someoneSeesTheWordsOfPublishedCommentsAndOfThoseAwaitingAModerator() {
        assertThat(statusesWhere(status -> Visibility.shownToSomeone(comment(status, WRITER)))).containsExactly(PUBLISHED, HELD, SPAM);
        assertThat(statusesWhere(status -> Visibility.shownToSomeone(comment(status, NOBODY)))).containsExactly(PUBLISHED, HELD, SPAM);
    }

    @Test
    void theSqlConditionsChooseWhatThePredicatesChoose() {
        try (Database database = Database.open(TestDatabases.url(folder), Duration.ofSeconds(10))) {
            database.jdbi().useHandle(handle -> {
                Stored stored = storeOneOfEveryStatusByEveryKindOfWriter(handle);

                assertThat(chosen(handle, Visibility.SHOWN_TO_READERS, null))
                        .isEqualTo(stored.ids(comment -> Visibility.shownToReaders(comment.status()))).hasSize(3);
                assertThat(chosen(handle, Visibility.KEEPS_ITS_PLACE, null))
                        .isEqualTo(stored.ids(comment -> Visibility.keepsItsPlace(comment.status()))).hasSize(6);
                for (Long viewer : stored.readers()) {
                    assertThat(chosen(handle, Visibility.SHOWN_TO_ITS_AUTHOR, viewer)).as("to reader " + viewer)
                            .isEqualTo(stored.ids(comment -> Visibility.shownToItsAuthor(comment, viewer)));
                }
                assertThat(chosen(handle, Visibility.SHOWN_TO_ITS_AUTHOR, stored.readers().get(0))).as("to a writer").hasSize(2);
            });
        }
    }

    private static List<CommentStatus> statusesWhere(Predicate<CommentStatus> rule) {
        return Arrays.stream(CommentStatus.values()).filter(rule).toList();
    }

    private static Comment comment(CommentStatus status, Long authorId) {
        return new Comment(1, 1, null, 1, 0, authorId, "Ada", "words", status, NOW, null, false, false, null, null, 0);
    }

    /**
     * Comments as stored and read back, and the readers there are: two who wrote some of them, one who wrote none, and
     * one the site does not know.
     */
    private record Stored(List<Comment> comments, List<Long> readers) {
        Set<Long> ids(Predicate<Comment> rule) {
            return comments.stream().filter(rule).map(Comment::id).collect(Collectors.toSet());
        }
    }

    /**
     * A comment in every status from each kind of writer (two readers, and nobody: imported) in one discussion, stored
     * and read back as the site stores and reads them.
     */
    private static Stored storeOneOfEveryStatusByEveryKindOfWriter(Handle handle) {
        long articleId = handle.attach(ArticleRepository.class).insertIfAbsent(new ArticleSource("visibility", "Visibility",
                "Ada", "By Ada", null, LocalDate.of(2026, 12, 1), "Lead.", List.of(), "Closing.", List.of()),
                LocalDate.of(2026, 12, 1), NOW).orElseThrow();
        long discussionId = handle.attach(DiscussionRepository.class).insert(articleId, Discussion.GENERAL, 0, null, null);
        var authors = handle.attach(AuthorRepository.class);
        long writer = authors.insert("writer", "writer-token", NOW);
        long anotherWriter = authors.insert("another-writer", "another-writer-token", NOW);
        long silentReader = authors.insert("silent-reader", "silent-reader-token", NOW);

        var comments = handle.attach(CommentRepository.class);
        List<Comment> stored = new ArrayList<>();
        for (CommentStatus status : CommentStatus.values()) {
            for (Long authorId : Arrays.asList(writer, anotherWriter, NOBODY)) {
                long id = comments.add(discussionId, null, new CommentRepository.NewComment(authorId, "Ada",
                        status.dbValue() + " by " + authorId, status, null, null, NOW, null));
                stored.add(comments.find(id).orElseThrow());
            }
        }
        assertThat(stored).extracting(Comment::status).containsOnly(CommentStatus.values());
        return new Stored(stored, Arrays.asList(writer, anotherWriter, silentReader, NOBODY));
    }

    /** The ids of the discussion's comments {@code condition} chooses, {@code viewerId} bound where it asks. */
    private static Set<Long> chosen(Handle handle, String condition, Long viewerId) {
        var query = handle.createQuery("SELECT id FROM comments WHERE " + condition);
        if (condition.contains(":viewerId")) {
            query.bind("viewerId", viewerId);
        }
        return query.mapTo(Long.class).collect(Collectors.toSet());
    }
}
