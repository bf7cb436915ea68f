package org.roundtable.queue;

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
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Stance;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.moderation.ReportRepository;
import org.roundtable.security.AddressGate;

@BothEngines
class QueueRepositoryTest {

    private static final Instant START = TestContent.START;

    private static final String ADDRESS = "192.0.2.1";

    private Database database;
    private Jdbi jdbi;
    private TestContent content;
    private QueueRepository queue;
    private ReportRepository reports;
    private Article article;
    private Comment published;
    private Comment heldReply;
    private Comment spam;
    private Comment reported;

    @BeforeEach
    void storeCommentsInEveryState(Database database) {
        this.database = database;
        jdbi = database.jdbi();
        content = new TestContent(database);
        queue = jdbi.onDemand(QueueRepository.class);
        reports = jdbi.onDemand(ReportRepository.class);
        article = content.article("alliance", "بندر مشترک", "A gas pipeline");
        published = content.comment(content.general(article)).saying("گوادر").post();
        heldReply = content.reply(published).named("Ali").saying("See http://a http://b http://c")
                .held(CommentStatus.HELD, "More than 2 links").post();
        spam = content.comment(content.proposal(article, 1)).stance(Stance.FOR).saying("Cheap pills")
                .held(CommentStatus.SPAM, "Spam trap").post();
        reported = content.comment(content.proposal(article, 1)).saying("You are all wrong").post();
    }

    @Test
    void theHeldViewShowsWhatWaitsForApprovalWhereItWasPostedAndWhatItAnswers() {
        assertThat(page(QueueFilter.HELD)).containsExactly(new QueueItem(heldReply.id(), "alliance",
                "Article alliance", "general", 0, null, "گوادر", "Ali", heldReply.authorId(), "See http://a http://b http://c", CommentStatus.HELD,
                "More than 2 links", heldReply.createdAt(), null, 0));
        assertThat(queue.count(QueueFilter.HELD.condition())).isEqualTo(1);
    }

    @Test
    void theSpamViewShowsTheProposalAndTheStance() {
        assertThat(page(QueueFilter.SPAM))
                .extracting(QueueItem::id, QueueItem::discussionKey, QueueItem::discussionPosition, QueueItem::discussionTitle,
                        QueueItem::parentBody, QueueItem::stance, QueueItem::heldReason)
                .containsExactly(tuple(spam.id(), "proposal-1", 1, "بندر مشترک", null, "for", "Spam trap"));
    }

    @Test
    void theReportedViewCountsOnlyReportsNoModeratorHasResolved() {
        reports.insert(published.id(), content.author(), "hash-1", "spam", null, START);
        reports.resolve(published.id(), START.plus(Duration.ofHours(1)));
        reports.insert(reported.id(), content.author(), "hash-1", "abuse", null, START);
        reports.resolve(reported.id(), START.plus(Duration.ofHours(1)));
        reports.insert(reported.id(), content.author(), "hash-2", "abuse", null, START.plus(Duration.ofHours(2)));
        reports.insert(reported.id(), content.author(), "hash-3", "other", "Rude", START.plus(Duration.ofHours(3)));

        assertThat(page(QueueFilter.REPORTED)).extracting(QueueItem::id, QueueItem::reportCount)
                .containsExactly(tuple(reported.id(), 2));
        assertThat(queue.count(QueueFilter.REPORTED.condition())).isEqualTo(1);
        assertThat(queue.openReports(List.of(reported.id(), published.id(), spam.id())))
                .containsExactly(new QueueRepository.OpenReport(reported.id(), "abuse", null),
                        new QueueRepository.OpenReport(reported.id(), "other", "Rude"));
    }

    @Test
    void everythingComesNewestFirstAPageAtATimeTiesByTheNewerComment() {
        Comment sameMoment = content.comment(content.general(article)).at(reported.createdAt()).post();
        var pages = new QueueSearch(database, AddressGate.refusingBeyond(0), 2);
        QueueView all = QueueView.from(Map.of("filter", "all")::get);

        QueueSearch.Page first = pages.page(all, ADDRESS);
        assertThat(first.items()).extracting(QueueItem::id).containsExactly(sameMoment.id(), reported.id());
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.newer()).isNull();
        QueueSearch.Page second = pages.page(QueueView.fromPath(all.pageAfter(first.older())).orElseThrow(), ADDRESS);
        assertThat(second.items()).extracting(QueueItem::id).containsExactly(spam.id(), heldReply.id());
        QueueSearch.Page last = pages.page(QueueView.fromPath(all.pageAfter(second.older())).orElseThrow(), ADDRESS);
        assertThat(last.items()).extracting(QueueItem::id).containsExactly(published.id());
        assertThat(last.older()).isNull();

        QueueSearch.Page backToSecond = pages.page(QueueView.fromPath(all.pageBefore(last.newer())).orElseThrow(), ADDRESS);
        assertThat(backToSecond.items()).extracting(QueueItem::id).containsExactly(spam.id(), heldReply.id());
        QueueSearch.Page backToFirst = pages.page(QueueView.fromPath(all.pageBefore(backToSecond.newer())).orElseThrow(), ADDRESS);
        assertThat(backToFirst.items()).extracting(QueueItem::id).containsExactly(sameMoment.id(), reported.id());
        assertThat(backToFirst.newer()).as("nothing is newer").isNull();
        assertThat(queue.count(QueueFilter.ALL.condition())).isEqualTo(5);
    }

    private List<QueueItem> page(QueueFilter filter) {
        return new QueueSearch(database, AddressGate.refusingBeyond(0)).page(QueueView.from(Map.of("filter", filter.value())::get), ADDRESS)
                .items();
    }

    @Test
    void anyCommentIsFoundByItsIdWhateverItsState() {
        assertThat(queue.find(published.id())).hasValueSatisfying(item -> {
            assertThat(item.status()).isEqualTo(CommentStatus.PUBLISHED);
            assertThat(item.heldReason()).isNull();
            assertThat(item.createdAt()).isEqualTo(published.createdAt());
        });
        assertThat(queue.find(reported.id() + 100)).isEmpty();
    }

    @Test
    void theDashboardListsDiscussionsByTheirNewestCommentThenTheQuietOnesInTheArticlesOrder() {
        Article other = content.article("other", "Elsewhere");
        long quiet = content.proposal(article, 2).id();
        jdbi.useExtension(DiscussionRepository.class, discussions -> discussions.setLocked(quiet, true));

        assertThat(queue.activity())
                .extracting(DiscussionActivity::articleSlug, DiscussionActivity::position, DiscussionActivity::locked,
                        DiscussionActivity::published, DiscussionActivity::held, DiscussionActivity::lastCommentAt)
                .containsExactly(
                        tuple("alliance", 1, false, 1, 0, reported.createdAt()),
                        tuple("alliance", 0, false, 1, 1, heldReply.createdAt()),
                        tuple("alliance", 2, true, 0, 0, null),
                        tuple("other", 0, false, 0, 0, null),
                        tuple("other", 1, false, 0, 0, null));
        assertThat(queue.activity()).extracting(DiscussionActivity::discussionId)
                .contains(content.general(other).id());
    }
}
