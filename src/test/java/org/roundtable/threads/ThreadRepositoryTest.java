package org.roundtable.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.Stance;
import org.roundtable.comment.ThreadCursor;
import org.roundtable.comment.ThreadOrder;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.helpful.HelpfulRepository;

@BothEngines
class ThreadRepositoryTest {

    private static final Instant START = TestContent.START;

    private Jdbi jdbi;
    private TestContent content;
    private ThreadRepository threads;
    private CommentRepository comments;
    private Discussion general;
    private Discussion proposal;

    @BeforeEach
    void storeAnArticle(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        threads = jdbi.onDemand(ThreadRepository.class);
        comments = jdbi.onDemand(CommentRepository.class);
        Article article = content.article("alliance", "A shared port", "A gas pipeline");
        general = content.general(article);
        proposal = content.proposal(article, 1);
    }

    @Test
    void theWordsOfAPageAndAWholeThreadComeBackInAnyScript() {
        String persian = "می\u200Cخواهم بگویم که بندر گوادر و چابهار مکمل یکدیگرند 🤝";
        String urdu = "پاکستان اور ایران کی دوستی ﷺ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 e\u0301";
        Comment comment = content.comment(general).named("علی رضا").saying(persian).post();
        Comment reply = content.reply(comment).named("عائشہ").saying(urdu).post();
        Comment deeper = content.reply(reply).held(CommentStatus.HELD, "Too many links").post();
        content.comment(general).post();

        assertThat(threads.bodies(List.of(comment.id(), reply.id()))).isEqualTo(Map.of(comment.id(), persian, reply.id(), urdu));
        assertThat(threads.inThread(comment.id())).as("the whole thread, oldest first, whatever readers may see of it")
                .extracting(Comment::id).containsExactly(comment.id(), reply.id(), deeper.id());
        assertThat(threads.inThread(comment.id())).extracting(Comment::authorName).startsWith("علی رضا", "عائشہ");
    }

    @Test
    void pagesOfThreadsFollowOneAnotherOldestFirstWithTiesInTheOrderOfTheirIds() {
        Instant tie = START.plus(Duration.ofMinutes(10));
        Comment first = content.comment(general).at(START).post();
        Comment second = content.comment(general).at(tie).post();
        Comment third = content.comment(general).at(tie).post();
        Comment fourth = content.comment(general).at(tie.plusMillis(1)).post();
        Comment fifth = content.comment(general).post();
        Comment replyToFirst = content.reply(first).post();
        Comment replyToThird = content.reply(third).post();

        List<Comment> page = page(ThreadOrder.OLDEST_FIRST, ThreadOrder.OLDEST_FIRST.start(), 2);
        assertThat(page).extracting(Comment::id).containsExactly(first.id(), second.id(), replyToFirst.id());
        assertThat(page).extracting(Comment::body).containsOnlyNulls();
        assertThat(page(ThreadOrder.OLDEST_FIRST, ThreadCursor.of(second), 2)).extracting(Comment::id)
                .containsExactly(third.id(), fourth.id(), replyToThird.id());
        assertThat(page(ThreadOrder.OLDEST_FIRST, ThreadCursor.of(fourth), 2)).extracting(Comment::id)
                .containsExactly(fifth.id());
    }

    @Test
    void pagesOfThreadsFollowOneAnotherNewestFirst() {
        Instant tie = START.plus(Duration.ofMinutes(10));
        Comment first = content.comment(general).at(START).post();
        Comment second = content.comment(general).at(tie).post();
        Comment third = content.comment(general).at(tie).post();
        Comment fourth = content.comment(general).post();

        assertThat(roots(page(ThreadOrder.NEWEST_FIRST, ThreadOrder.NEWEST_FIRST.start(), 2)))
                .containsExactly(third.id(), fourth.id());
        assertThat(roots(page(ThreadOrder.NEWEST_FIRST, ThreadCursor.of(third), 2))).containsExactly(first.id(), second.id());
        assertThat(page(ThreadOrder.NEWEST_FIRST, ThreadCursor.of(first), 2)).isEmpty();
    }

    @Test
    void theTopOrderPutsTheMostHelpfulFirstAndTheOlderFirstAmongEquals() {
        Comment first = content.comment(general).post();
        Comment second = content.comment(general).post();
        Comment third = content.comment(general).post();
        Comment fourth = content.comment(general).post();
        markHelpful(third, 2);
        markHelpful(fourth, 1);

        List<Comment> page = page(ThreadOrder.MOST_HELPFUL_FIRST, ThreadOrder.MOST_HELPFUL_FIRST.start(), 2);
        assertThat(roots(page)).containsExactlyInAnyOrder(third.id(), fourth.id());
        assertThat(page).extracting(Comment::helpfulCount).containsExactlyInAnyOrder(2, 1);
        assertThat(roots(page(ThreadOrder.MOST_HELPFUL_FIRST, ThreadCursor.of(content.reload(fourth)), 2)))
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(roots(page(ThreadOrder.LEAST_HELPFUL_FIRST, ThreadOrder.LEAST_HELPFUL_FIRST.start(), 3)))
                .containsExactlyInAnyOrder(second.id(), first.id(), fourth.id());
        assertThat(threads.roots(ThreadOrder.MOST_HELPFUL_FIRST, "", general.id(), null,
                ThreadOrder.MOST_HELPFUL_FIRST.start(), 10, 0)).extracting(ThreadCursor::id)
                .containsExactly(third.id(), fourth.id(), first.id(), second.id());
        assertThat(threads.roots(ThreadOrder.LEAST_HELPFUL_FIRST, "", general.id(), null,
                ThreadOrder.LEAST_HELPFUL_FIRST.start(), 10, 0)).extracting(ThreadCursor::id)
                .containsExactly(second.id(), first.id(), fourth.id(), third.id());
    }

    @Test
    void theThreadsAReaderSeesAreThePublishedAndDeletedOnesAndTheirOwnAwaitingAModerator() {
        long viewer = content.author();
        Comment published = content.comment(general).post();
        Comment deleted = content.comment(general).post();
        comments.deleteByAuthor(deleted, START.plus(Duration.ofHours(1)));
        Comment heldForViewer = content.comment(general).by(viewer).held(CommentStatus.HELD, "First comment").post();
        Comment spamOfViewer = content.comment(general).by(viewer).held(CommentStatus.SPAM, "Spam trap").post();
        Comment heldForOther = content.comment(general).held(CommentStatus.HELD, "First comment").post();
        Comment rejected = content.comment(general).by(viewer).post();
        comments.changeStatus(rejected, CommentStatus.REJECTED);

        ThreadCursor start = ThreadOrder.OLDEST_FIRST.start();
        assertThat(roots(threads.threads(ThreadOrder.OLDEST_FIRST, "", general.id(), null, start, 10)))
                .containsExactly(published.id(), deleted.id());
        assertThat(roots(threads.threads(ThreadOrder.OLDEST_FIRST, "", general.id(), viewer, start, 10)))
                .containsExactly(published.id(), deleted.id(), heldForViewer.id(), spamOfViewer.id())
                .doesNotContain(heldForOther.id(), rejected.id());
        assertThat(threads.countThreads("", general.id(), null)).isEqualTo(2);
        assertThat(threads.countThreads("", general.id(), viewer)).isEqualTo(4);
    }

    @Test
    void aStanceFilterKeepsTheThreadsOfThatStanceOnly() {
        Comment inFavour = content.comment(proposal).stance(Stance.FOR).post();
        content.comment(proposal).stance(Stance.AGAINST).post();
        Comment alsoInFavour = content.comment(proposal).stance(Stance.FOR).post();
        content.comment(proposal).post();
        String onlyInFavour = ThreadRepository.stanceFilter(Stance.FOR);

        assertThat(threads.countThreads(onlyInFavour, proposal.id(), null)).isEqualTo(2);
        assertThat(threads.countThreads(ThreadRepository.stanceFilter(Stance.UNDECIDED), proposal.id(), null)).isZero();
        assertThat(roots(threads.threads(ThreadOrder.OLDEST_FIRST, onlyInFavour, proposal.id(), null,
                ThreadOrder.OLDEST_FIRST.start(), 10))).containsExactly(inFavour.id(), alsoInFavour.id());
        assertThat(threads.roots(ThreadOrder.NEWEST_FIRST, onlyInFavour, proposal.id(), null, ThreadOrder.NEWEST_FIRST.start(),
                10, 0)).extracting(ThreadCursor::id).containsExactly(alsoInFavour.id(), inFavour.id());
        assertThat(threads.countRoots(ThreadOrder.OLDEST_FIRST, onlyInFavour, proposal.id(), null, ThreadCursor.of(inFavour), 10))
                .isEqualTo(1);
    }

    @Test
    void theCommentsInOneStancesThreadsAreCountedAsReadersSeeThemRepliesIncluded() {
        Comment inFavour = content.comment(proposal).stance(Stance.FOR).post();
        Comment reply = content.reply(inFavour).post();
        content.reply(reply).post();
        content.reply(inFavour).held(CommentStatus.HELD, "First comment").post();
        Comment deletedInFavour = content.comment(proposal).stance(Stance.FOR).post();
        content.reply(deletedInFavour).post();
        comments.deleteByAuthor(deletedInFavour, START.plus(Duration.ofHours(1)));
        content.comment(proposal).stance(Stance.AGAINST).post();
        content.comment(proposal).post();

        assertThat(threads.countShownInThreads(ThreadRepository.stanceFilter(Stance.FOR), proposal.id(), null))
                .as("three in the first thread, the reply under the deleted one").isEqualTo(4);
        assertThat(threads.countShownInThreads(ThreadRepository.stanceFilter(Stance.AGAINST), proposal.id(), null)).isEqualTo(1);
        assertThat(threads.countShownInThreads(ThreadRepository.stanceFilter(Stance.UNDECIDED), proposal.id(), null)).isZero();
    }

    @Test
    void whereThreadsStartIsReadPastACursorSkippingAndLimited() {
        Comment first = content.comment(general).post();
        Comment second = content.comment(general).post();
        Comment third = content.comment(general).post();
        Comment fourth = content.comment(general).post();
        content.reply(second).post();

        assertThat(threads.roots(ThreadOrder.OLDEST_FIRST, "", general.id(), null, ThreadCursor.of(first), 2, 1))
                .containsExactly(ThreadCursor.of(third), ThreadCursor.of(fourth));
        assertThat(threads.roots(ThreadOrder.NEWEST_FIRST, "", general.id(), null, ThreadCursor.of(fourth), 1, 0))
                .containsExactly(ThreadCursor.of(third));
        assertThat(threads.countRoots(ThreadOrder.OLDEST_FIRST, "", general.id(), null, ThreadCursor.of(first), 10))
                .isEqualTo(3);
        assertThat(threads.countRoots(ThreadOrder.OLDEST_FIRST, "", general.id(), null, ThreadCursor.of(first), 2))
                .as("counting no further than the limit").isEqualTo(2);
        assertThat(threads.countRoots(ThreadOrder.NEWEST_FIRST, "", general.id(), null, ThreadCursor.of(first), 10)).isZero();
    }

    private List<Comment> page(ThreadOrder order, ThreadCursor from, int limit) {
        return threads.threads(order, "", general.id(), null, from, limit);
    }

    private static List<Long> roots(List<Comment> page) {
        return page.stream().filter(Comment::isTopLevel).map(Comment::id).toList();
    }

    private void markHelpful(Comment comment, int readers) {
        var helpful = jdbi.onDemand(HelpfulRepository.class);
        for (int i = 0; i < readers; i++) {
            helpful.mark(comment.id(), content.author(), "reader-" + i, true, START, 0);
        }
    }
}
