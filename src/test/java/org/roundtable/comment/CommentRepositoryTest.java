package org.roundtable.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
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
        assertThat(content.reload(reply)).extracting(Comment::authorName, Comment::body).containsExactly("عائشہ", urdu);
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

    private List<Revision> revisions(Comment comment) {
        return jdbi.onDemand(RevisionRepository.class).ofComment(comment.id());
    }
}
