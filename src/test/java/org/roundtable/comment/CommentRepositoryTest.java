package org.roundtable.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.helpful.HelpfulRepository;
import org.roundtable.history.Revision;
import org.roundtable.history.RevisionRepository;
import org.roundtable.queue.QueueItem;
import org.roundtable.queue.QueueRepository;

@BothEngines
class CommentRepositoryTest {

    private static final Instant START = TestContent.START;

    private Jdbi jdbi;
    private TestContent content;
    private CommentRepository comments;
    private Article article;
    private Discussion general;
    private Discussion proposal;

    @BeforeEach
    void storeAnArticle(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        comments = jdbi.onDemand(CommentRepository.class);
        article = content.article("alliance", "A shared port", "A gas pipeline");
        general = content.general(article);
        proposal = content.proposal(article, 1);
    }

    @Test
    void aCommentComesBackAsItWasStoredAndATopLevelOneIsTheRootOfItsThread() {
        long author = content.author();
        Comment root = content.comment(general).by(author).named("سارا").saying("Gwadar first.").from("hash-1")
                .at(START).post();
        Comment reply = content.reply(root).saying("And then?").post();
        Comment deeper = content.reply(reply).saying("Then Chabahar.").post();

        assertThat(root).isEqualTo(new Comment(root.id(), general.id(), null, root.id(), 0, author, "سارا", "Gwadar first.",
                CommentStatus.PUBLISHED, START, null, false, false, null, null, 0));
        assertThat(reply).extracting(Comment::parentId, Comment::rootId, Comment::depth).containsExactly(root.id(), root.id(), 1);
        assertThat(deeper).extracting(Comment::parentId, Comment::rootId, Comment::depth).containsExactly(reply.id(), root.id(), 2);
        assertThat(comments.ipHash(root.id())).isEqualTo("hash-1");
        assertThat(content.general(article)).extracting(Discussion::commentCount, Discussion::threadCount)
                .containsExactly(3, 1);
    }

    @Test
    void timesKeepTheirMillisecondsAndLoseWhatIsFinerOnEitherEngine() {
        Comment comment = content.comment(general).at(Instant.parse("2026-03-01T09:00:00.123456789Z")).post();

        assertThat(comment.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00.123Z"));
        comments.setWords(comment.id(), comment.authorName(), "Edited", "edited", Instant.parse("2026-03-02T10:00:00.987654Z"));
        assertThat(content.reload(comment).editedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00.987Z"));
    }

    @Test
    void namesAndWordsInAnyScriptComeBackExactlyAsWritten() {
        String persian = "می\u200Cخواهم بگویم که بندر گوادر و چابهار مکمل یکدیگرند 🤝";
        String urdu = "پاکستان اور ایران کی دوستی ﷺ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 e\u0301";
        Comment comment = content.comment(general).named("علی رضا").saying(persian).post();
        Comment reply = content.reply(comment).named("عائشہ").saying(urdu).post();

        assertThat(content.reload(comment)).extracting(Comment::authorName, Comment::body).containsExactly("علی رضا", persian);
        assertThat(comments.bodies(List.of(comment.id(), reply.id()))).isEqualTo(Map.of(comment.id(), persian, reply.id(), urdu));
        assertThat(comments.inThread(comment.id())).extracting(Comment::authorName).containsExactly("علی رضا", "عائشہ");
    }

    @Test
    void aCommentIsFoundInItsOwnArticleOnly() {
        Article other = content.article("other", "Another proposal");
        Comment comment = content.comment(proposal).post();

        assertThat(comments.findInArticle(comment.id(), article.id())).contains(comment);
        assertThat(comments.findInArticle(comment.id(), other.id())).isEmpty();
        assertThat(comments.find(comment.id() + 1000)).isEmpty();
    }

    @Test
    void aHeldCommentCountsNowhereUntilItIsPublished() {
        Comment held = content.comment(general).held(CommentStatus.HELD, "First comment").post();
        assertThat(content.general(article)).extracting(Discussion::commentCount, Discussion::threadCount).containsExactly(0, 0);

        assertThat(comments.changeStatus(held, CommentStatus.PUBLISHED)).isTrue();

        assertThat(content.reload(held).status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(content.general(article)).extracting(Discussion::commentCount, Discussion::threadCount).containsExactly(1, 1);
    }

    @Test
    void aStatusChangeFromAStatusTheCommentNoLongerHasChangesNothing() {
        Comment held = content.comment(general).held(CommentStatus.HELD, "First comment").post();
        comments.changeStatus(held, CommentStatus.PUBLISHED);

        assertThat(comments.changeStatus(held, CommentStatus.REJECTED)).as("a second moderator, deciding on what they saw")
                .isFalse();

        assertThat(content.reload(held).status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(content.general(article)).extracting(Discussion::commentCount, Discussion::threadCount).containsExactly(1, 1);
    }

    @Test
    void aCommentSetAsideKeepsTheReasonTheQueueShows() {
        Comment comment = content.comment(general).post();

        comments.hold(comment, new Hold(CommentStatus.SPAM, "Matches the blocked phrase “casino”"));

        QueueItem queued = jdbi.onDemand(QueueRepository.class).find(comment.id()).orElseThrow();
        assertThat(queued.status()).isEqualTo(CommentStatus.SPAM);
        assertThat(queued.heldReason()).isEqualTo("Matches the blocked phrase “casino”");
        assertThat(content.general(article)).extracting(Discussion::commentCount, Discussion::threadCount).containsExactly(0, 0);
    }

    @Test
    void aCommentItsAuthorDeletedLosesItsWordsButKeepsItsThreadsPlace() {
        Comment root = content.comment(general).named("Sara").saying("Regretted").post();
        content.reply(root).post();
        Instant deletedAt = START.plus(Duration.ofHours(1));

        comments.deleteByAuthor(root, deletedAt);

        assertThat(content.reload(root)).extracting(Comment::status, Comment::authorName, Comment::body, Comment::editedAt)
                .containsExactly(CommentStatus.DELETED, "", "", deletedAt);
        assertThat(content.general(article)).extracting(Discussion::commentCount, Discussion::threadCount).containsExactly(1, 1);
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

        List<Comment> page = threads(ThreadOrder.OLDEST_FIRST, ThreadOrder.OLDEST_FIRST.start(), 2);
        assertThat(page).extracting(Comment::id).containsExactly(first.id(), second.id(), replyToFirst.id());
        assertThat(page).extracting(Comment::body).containsOnlyNulls();
        assertThat(threads(ThreadOrder.OLDEST_FIRST, ThreadCursor.of(second), 2)).extracting(Comment::id)
                .containsExactly(third.id(), fourth.id(), replyToThird.id());
        assertThat(threads(ThreadOrder.OLDEST_FIRST, ThreadCursor.of(fourth), 2)).extracting(Comment::id)
                .containsExactly(fifth.id());
    }

    @Test
    void pagesOfThreadsFollowOneAnotherNewestFirst() {
        Instant tie = START.plus(Duration.ofMinutes(10));
        Comment first = content.comment(general).at(START).post();
        Comment second = content.comment(general).at(tie).post();
        Comment third = content.comment(general).at(tie).post();
        Comment fourth = content.comment(general).post();

        assertThat(roots(threads(ThreadOrder.NEWEST_FIRST, ThreadOrder.NEWEST_FIRST.start(), 2)))
                .containsExactly(third.id(), fourth.id());
        assertThat(roots(threads(ThreadOrder.NEWEST_FIRST, ThreadCursor.of(third), 2))).containsExactly(first.id(), second.id());
        assertThat(threads(ThreadOrder.NEWEST_FIRST, ThreadCursor.of(first), 2)).isEmpty();
    }

    @Test
    void theTopOrderPutsTheMostHelpfulFirstAndTheOlderFirstAmongEquals() {
        Comment first = content.comment(general).post();
        Comment second = content.comment(general).post();
        Comment third = content.comment(general).post();
        Comment fourth = content.comment(general).post();
        markHelpful(third, 2);
        markHelpful(fourth, 1);

        List<Comment> page = threads(ThreadOrder.MOST_HELPFUL_FIRST, ThreadOrder.MOST_HELPFUL_FIRST.start(), 2);
        assertThat(roots(page)).containsExactlyInAnyOrder(third.id(), fourth.id());
        assertThat(page).extracting(Comment::helpfulCount).containsExactlyInAnyOrder(2, 1);
        assertThat(roots(threads(ThreadOrder.MOST_HELPFUL_FIRST, ThreadCursor.of(content.reload(fourth)), 2)))
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(roots(threads(ThreadOrder.LEAST_HELPFUL_FIRST, ThreadOrder.LEAST_HELPFUL_FIRST.start(), 3)))
                .containsExactlyInAnyOrder(second.id(), first.id(), fourth.id());
        assertThat(comments.roots(ThreadOrder.MOST_HELPFUL_FIRST, "", general.id(), null,
                ThreadOrder.MOST_HELPFUL_FIRST.start(), 10, 0)).extracting(ThreadCursor::id)
                .containsExactly(third.id(), fourth.id(), first.id(), second.id());
        assertThat(comments.roots(ThreadOrder.LEAST_HELPFUL_FIRST, "", general.id(), null,
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
        assertThat(roots(comments.threads(ThreadOrder.OLDEST_FIRST, "", general.id(), null, start, 10)))
                .containsExactly(published.id(), deleted.id());
        assertThat(roots(comments.threads(ThreadOrder.OLDEST_FIRST, "", general.id(), viewer, start, 10)))
                .containsExactly(published.id(), deleted.id(), heldForViewer.id(), spamOfViewer.id())
                .doesNotContain(heldForOther.id(), rejected.id());
        assertThat(comments.countThreads("", general.id(), null)).isEqualTo(2);
        assertThat(comments.countThreads("", general.id(), viewer)).isEqualTo(4);
    }

    @Test
    void aStanceFilterKeepsTheThreadsOfThatStanceOnly() {
        Comment inFavour = content.comment(proposal).stance(Stance.FOR).post();
        content.comment(proposal).stance(Stance.AGAINST).post();
        Comment alsoInFavour = content.comment(proposal).stance(Stance.FOR).post();
        content.comment(proposal).post();
        String onlyInFavour = CommentRepository.stanceFilter(Stance.FOR);

        assertThat(comments.countThreads(onlyInFavour, proposal.id(), null)).isEqualTo(2);
        assertThat(comments.countThreads(CommentRepository.stanceFilter(Stance.UNDECIDED), proposal.id(), null)).isZero();
        assertThat(roots(comments.threads(ThreadOrder.OLDEST_FIRST, onlyInFavour, proposal.id(), null,
                ThreadOrder.OLDEST_FIRST.start(), 10))).containsExactly(inFavour.id(), alsoInFavour.id());
        assertThat(comments.roots(ThreadOrder.NEWEST_FIRST, onlyInFavour, proposal.id(), null, ThreadOrder.NEWEST_FIRST.start(),
                10, 0)).extracting(ThreadCursor::id).containsExactly(alsoInFavour.id(), inFavour.id());
        assertThat(comments.countRoots(ThreadOrder.OLDEST_FIRST, onlyInFavour, proposal.id(), null, ThreadCursor.of(inFavour), 10))
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

        assertThat(comments.countShownInThreads(CommentRepository.stanceFilter(Stance.FOR), proposal.id(), null))
                .as("three in the first thread, the reply under the deleted one").isEqualTo(4);
        assertThat(comments.countShownInThreads(CommentRepository.stanceFilter(Stance.AGAINST), proposal.id(), null)).isEqualTo(1);
        assertThat(comments.countShownInThreads(CommentRepository.stanceFilter(Stance.UNDECIDED), proposal.id(), null)).isZero();
    }

    @Test
    void whereThreadsStartIsReadPastACursorSkippingAndLimited() {
        Comment first = content.comment(general).post();
        Comment second = content.comment(general).post();
        Comment third = content.comment(general).post();
        Comment fourth = content.comment(general).post();
        content.reply(second).post();

        assertThat(comments.roots(ThreadOrder.OLDEST_FIRST, "", general.id(), null, ThreadCursor.of(first), 2, 1))
                .containsExactly(ThreadCursor.of(third), ThreadCursor.of(fourth));
        assertThat(comments.roots(ThreadOrder.NEWEST_FIRST, "", general.id(), null, ThreadCursor.of(fourth), 1, 0))
                .containsExactly(ThreadCursor.of(third));
        assertThat(comments.countRoots(ThreadOrder.OLDEST_FIRST, "", general.id(), null, ThreadCursor.of(first), 10))
                .isEqualTo(3);
        assertThat(comments.countRoots(ThreadOrder.OLDEST_FIRST, "", general.id(), null, ThreadCursor.of(first), 2))
                .as("counting no further than the limit").isEqualTo(2);
        assertThat(comments.countRoots(ThreadOrder.NEWEST_FIRST, "", general.id(), null, ThreadCursor.of(first), 10)).isZero();
    }

    @Test
    void theSameWordsFromTheSameBrowserOrAddressInTheSameDiscussionAreADuplicateWithinTheWindow() {
        String words = "گوادر و چابهار دو بندر هستند که می‌توانند به جای رقابت، مکمل یکدیگر باشند؛ این پیشنهاد من است.";
        long author = content.author();
        Comment earlier = content.comment(general).by(author).from("hash-1").saying(words).at(START).post();
        Instant since = START.minusSeconds(60);

        assertThat(comments.duplicateExists(general.id(), author, "hash-2", words, since)).as("same browser").isTrue();
        assertThat(comments.duplicateExists(general.id(), content.author(), "hash-1", words, since)).as("same address").isTrue();
        assertThat(comments.duplicateExists(general.id(), content.author(), "hash-2", words, since)).as("someone else").isFalse();
        assertThat(comments.duplicateExists(proposal.id(), author, "hash-1", words, since)).as("another discussion").isFalse();
        assertThat(comments.duplicateExists(general.id(), author, "hash-1", words, earlier.createdAt())).as("before the window")
                .isFalse();
        assertThat(comments.duplicateExists(general.id(), author, "hash-1", words + " و بس", since))
                .as("the same opening words only").isFalse();
        assertThat(comments.duplicateExists(general.id(), null, "hash-1", words, since)).as("no browser, same address").isTrue();
    }

    @Test
    void whatAnAuthorWroteElsewhereAndWhetherAnyOfItIsPublished() {
        long author = content.author();
        Comment held = content.comment(general).by(author).held(CommentStatus.HELD, "First comment").post();

        assertThat(comments.hasOtherComments(author, held.id())).isFalse();
        assertThat(comments.hasPublished(author)).isFalse();

        Comment second = content.comment(proposal).by(author).post();

        assertThat(comments.hasOtherComments(author, held.id())).isTrue();
        assertThat(comments.hasOtherComments(author, second.id())).isTrue();
        assertThat(comments.hasPublished(author)).isTrue();
        assertThat(comments.hasPublished(content.author())).isFalse();
    }

    @Test
    void anAuthorsEditChangesTheNameAndWordsAndKeepsTheOriginalAndEachVersion() {
        Comment original = content.comment(general).named("Sara").saying("Frist words").at(START).post();
        Instant firstEdit = START.plus(Duration.ofMinutes(2));
        Instant secondEdit = START.plus(Duration.ofMinutes(3));

        comments.edit(original, "Sara K.", "First words", original.stance(), firstEdit);
        Comment edited = content.reload(original);
        comments.edit(edited, "Sara K.", "First words, corrected", edited.stance(), secondEdit);

        assertThat(content.reload(original))
                .extracting(Comment::authorName, Comment::body, Comment::editedAt, Comment::editedByModerator)
                .containsExactly("Sara K.", "First words, corrected", secondEdit, false);
        assertThat(revisions(original)).extracting(Revision::authorName, Revision::body, Revision::madeAt, Revision::madeBy)
                .containsExactly(
                        tuple("Sara", "Frist words", START, "author"),
                        tuple("Sara K.", "First words", firstEdit, "author"),
                        tuple("Sara K.", "First words, corrected", secondEdit, "author"));
    }

    @Test
    void anEditThatChangesNeitherNameNorWordsKeepsNoVersion() {
        Comment original = content.comment(general).named("Sara").saying("Unchanged").post();

        comments.edit(original, "Sara", "Unchanged", original.stance(), START.plus(Duration.ofMinutes(5)));

        assertThat(revisions(original)).isEmpty();
        assertThat(content.reload(original).body()).isEqualTo("Unchanged");
    }

    @Test
    void aModeratorsEditIsMarkedAsTheirsAndKeepsTheAuthorsName() {
        Comment original = content.comment(general).named("Sara").saying("Call 555-0100").at(START).post();
        Instant editedAt = START.plus(Duration.ofMinutes(30));

        comments.editByModerator(original, "Call [number removed]", editedAt);

        assertThat(content.reload(original))
                .extracting(Comment::authorName, Comment::body, Comment::editedAt, Comment::editedByModerator)
                .containsExactly("Sara", "Call [number removed]", editedAt, true);
        assertThat(revisions(original)).extracting(Revision::body, Revision::madeBy)
                .containsExactly(tuple("Call 555-0100", "author"),
                        tuple("Call [number removed]", "moderator"));
    }

    @Test
    void aChangedStanceMovesTheTallyAndAClearedOneLeavesIt() {
        long author = content.author();
        Comment comment = content.comment(proposal).by(author).stance(Stance.FOR).post();
        assertThat(content.proposal(article, 1).tally()).isEqualTo(new Tally(1, 0, 0));

        comments.changeStance(comment, Stance.AGAINST, START.plus(Duration.ofHours(1)));
        assertThat(content.reload(comment).stance()).isEqualTo(Stance.AGAINST);
        assertThat(content.proposal(article, 1).tally()).isEqualTo(new Tally(0, 1, 0));

        comments.changeStance(content.reload(comment), null, START.plus(Duration.ofHours(2)));
        assertThat(content.reload(comment).stance()).isNull();
        assertThat(content.proposal(article, 1).tally()).isEqualTo(new Tally(0, 0, 0));
    }

    @Test
    void aReplyMovedToAnotherDiscussionBecomesAThreadThereWithTheRepliesBelowIt() {
        Comment root = content.comment(proposal).post();
        Comment moved = content.reply(root).saying("Off topic here").post();
        Comment heldBelow = content.reply(moved).held(CommentStatus.HELD, "Too many links").post();
        Comment publishedBelow = content.reply(moved).post();
        Comment deepest = content.reply(publishedBelow).post();

        comments.move(moved, general);

        assertThat(content.reload(moved)).extracting(Comment::discussionId, Comment::parentId, Comment::rootId, Comment::depth,
                Comment::movedFromPosition).containsExactly(general.id(), null, moved.id(), 0, 1);
        assertThat(List.of(content.reload(heldBelow), content.reload(publishedBelow), content.reload(deepest)))
                .extracting(Comment::discussionId, Comment::rootId, Comment::depth)
                .containsExactly(tuple(general.id(), moved.id(), 1),
                        tuple(general.id(), moved.id(), 1),
                        tuple(general.id(), moved.id(), 2));
        assertThat(content.reload(root).discussionId()).isEqualTo(proposal.id());
        assertThat(content.proposal(article, 1)).extracting(Discussion::commentCount, Discussion::threadCount)
                .containsExactly(1, 1);
        assertThat(content.general(article)).extracting(Discussion::commentCount, Discussion::threadCount)
                .containsExactly(3, 1);
        assertThat(comments.inThread(moved.id())).extracting(Comment::id)
                .containsExactly(moved.id(), heldBelow.id(), publishedBelow.id(), deepest.id());
    }

    @Test
    void aThreadMovedToAnotherProposalLeavesItsStanceBehind() {
        long author = content.author();
        Comment root = content.comment(proposal).by(author).stance(Stance.FOR).post();
        Discussion other = content.proposal(article, 2);

        comments.move(root, other);

        assertThat(content.reload(root)).extracting(Comment::discussionId, Comment::stance, Comment::movedFromPosition)
                .containsExactly(other.id(), null, 1);
        assertThat(content.proposal(article, 1)).extracting(Discussion::commentCount, Discussion::threadCount, Discussion::tally)
                .containsExactly(0, 0, new Tally(0, 0, 0));
        assertThat(content.proposal(article, 2)).extracting(Discussion::commentCount, Discussion::threadCount, Discussion::tally)
                .containsExactly(1, 1, new Tally(0, 0, 0));
    }

    @Test
    void anImportedCommentIsFoundByItsKeyAndMayBeMarkedAsTheArticleAuthorsAndReadAgain() {
        Comment imported = content.comment(general).imported().named("The author").saying("Old reading").post();
        Instant reimportedAt = START.plus(Duration.ofDays(1));

        comments.setImportKey(imported.id(), "wxr:example.org:42");
        comments.markByArticleAuthor(imported.id());
        comments.reimport(imported.id(), "Better reading", reimportedAt);

        assertThat(comments.findByImportKey("wxr:example.org:42")).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(imported.id());
            assertThat(found.byArticleAuthor()).isTrue();
            assertThat(found.body()).isEqualTo("Better reading");
            assertThat(found.editedAt()).isEqualTo(reimportedAt);
            assertThat(found.authorId()).isNull();
        });
        assertThat(comments.findByImportKey("wxr:example.org:43")).isEmpty();
        assertThat(comments.ipHash(imported.id())).isNull();
    }

    private List<Comment> threads(ThreadOrder order, ThreadCursor from, int limit) {
        return comments.threads(order, "", general.id(), null, from, limit);
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

    private List<Revision> revisions(Comment comment) {
        return jdbi.onDemand(RevisionRepository.class).ofComment(comment.id());
    }
}
