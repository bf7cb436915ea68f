package org.roundtable.helpful;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.Discussion;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class HelpfulRepositoryTest {

    private static final Instant AT = TestContent.START;
    private static final int NO_LIMIT = 0;

    private TestContent content;
    private HelpfulRepository helpful;
    private Article article;
    private Discussion general;
    private Comment comment;

    @BeforeEach
    void storeAComment(Database database) {
        content = new TestContent(database);
        helpful = database.jdbi().onDemand(HelpfulRepository.class);
        article = content.article("alliance", "A shared port");
        general = content.general(article);
        comment = content.comment(general).post();
    }

    @Test
    void aBrowserMarksACommentOnceAndMayTakeTheMarkBack() {
        long reader = content.author();
        long another = content.author();

        assertThat(helpful.mark(comment.id(), reader, "hash-1", true, AT, NO_LIMIT)).isEqualTo(1);
        assertThat(helpful.mark(comment.id(), reader, "hash-1", true, AT, NO_LIMIT)).as("marked twice").isEqualTo(1);
        assertThat(helpful.mark(comment.id(), another, "hash-2", true, AT, NO_LIMIT)).isEqualTo(2);
        assertThat(helpful.mark(comment.id(), reader, "hash-1", false, AT, NO_LIMIT)).isEqualTo(1);
        assertThat(helpful.mark(comment.id(), reader, "hash-1", false, AT, NO_LIMIT)).as("taken back twice").isEqualTo(1);
        assertThat(content.reload(comment).helpfulCount()).isEqualTo(1);
    }

    @Test
    void marksFromOneAddressBeyondItsShareAreKeptButNotCounted() {
        long first = content.author();
        long second = content.author();
        long third = content.author();

        helpful.mark(comment.id(), first, "hash-1", true, AT, 2);
        helpful.mark(comment.id(), second, "hash-1", true, AT, 2);
        assertThat(helpful.mark(comment.id(), third, "hash-1", true, AT, 2)).isEqualTo(2);
        assertThat(helpful.countedFrom(comment.id(), "hash-1")).isEqualTo(2);
        assertThat(helpful.mark(comment.id(), content.author(), "hash-2", true, AT, 2)).as("another address").isEqualTo(3);

        assertThat(helpful.mark(comment.id(), third, "hash-1", false, AT, 2)).as("the uncounted mark taken back").isEqualTo(3);
        assertThat(helpful.mark(comment.id(), first, "hash-1", false, AT, 2)).isEqualTo(2);
        assertThat(helpful.countedFrom(comment.id(), "hash-1")).as("no other mark is promoted").isEqualTo(1);
    }

    @Test
    void aSecondMarkOfTheSameBrowserIsNotStoredAndTakingOneBackSaysWhetherItWasCounted() {
        long counted = content.author();
        long uncounted = content.author();

        assertThat(helpful.insert(comment.id(), counted, "hash-1", true, AT)).isEqualTo(1);
        assertThat(helpful.insert(comment.id(), counted, "hash-1", true, AT)).isZero();
        helpful.insert(comment.id(), uncounted, "hash-1", false, AT);

        assertThat(helpful.delete(comment.id(), counted)).contains(true);
        assertThat(helpful.delete(comment.id(), uncounted)).contains(false);
        assertThat(helpful.delete(comment.id(), uncounted)).isEmpty();
    }

    @Test
    void theCountMovesOnlyByWhatItIsGiven() {
        helpful.lockCount(comment.id());
        assertThat(helpful.count(comment.id())).isZero();

        helpful.adjustCount(comment.id(), 3);
        helpful.adjustCount(comment.id(), -1);

        assertThat(helpful.count(comment.id())).isEqualTo(2);
        assertThat(helpful.count(content.comment(general).post().id())).isZero();
    }

    @Test
    void theCommentsABrowserMarkedOnOneArticleComeLatestFirst() {
        long reader = content.author();
        Comment later = content.comment(content.proposal(article, 1)).post();
        Comment elsewhere = content.comment(content.general(content.article("other"))).post();
        helpful.mark(comment.id(), reader, "hash-1", true, AT, NO_LIMIT);
        helpful.mark(later.id(), reader, "hash-1", true, AT, NO_LIMIT);
        helpful.mark(elsewhere.id(), reader, "hash-1", true, AT, NO_LIMIT);
        helpful.mark(later.id(), content.author(), "hash-2", true, AT, NO_LIMIT);

        assertThat(helpful.marked(reader, article.id())).containsExactly(later.id(), comment.id());
        assertThat(helpful.marked(content.author(), article.id())).isEmpty();
    }

    @Test
    void countingAgainCountsTheCountedMarksOfEveryMarkedComment() {
        Comment unmarked = content.comment(general).post();
        helpful.adjustCount(unmarked.id(), 4);
        helpful.insert(comment.id(), content.author(), "hash-1", true, AT);
        helpful.insert(comment.id(), content.author(), "hash-1", true, AT);
        helpful.insert(comment.id(), content.author(), "hash-1", false, AT);

        helpful.recountAll();

        assertThat(helpful.count(comment.id())).isEqualTo(2);
        assertThat(helpful.count(unmarked.id())).as("a comment without marks is left alone").isEqualTo(4);
    }
}
