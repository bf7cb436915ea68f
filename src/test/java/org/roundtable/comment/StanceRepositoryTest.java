package org.roundtable.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class StanceRepositoryTest {

    private static final Instant START = TestContent.START;

    private Jdbi jdbi;
    private TestContent content;
    private StanceRepository stances;
    private Article article;
    private Discussion proposal;

    @BeforeEach
    void storeAnArticle(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        stances = jdbi.onDemand(StanceRepository.class);
        article = content.article("alliance", "A shared port", "A gas pipeline");
        proposal = content.proposal(article, 1);
    }

    @Test
    void aPersonIsCountedOnceByTheStanceTheyTookLast() {
        long author = content.author();
        content.comment(proposal).by(author).stance(Stance.FOR).post();
        Comment later = content.comment(proposal).by(author).stance(Stance.AGAINST).post();

        assertThat(stances.latestVisible(proposal.id(), author)).contains(new StanceRepository.Latest(later.id(), "against"));
        assertThat(stances.counted(proposal.id(), author)).contains("against");
        assertThat(tally()).isEqualTo(new Tally(0, 1, 0));
    }

    @Test
    void aStanceSetAgainByAnEditIsTheLatestEvenOnAnOlderComment() {
        long author = content.author();
        Comment older = content.comment(proposal).by(author).stance(Stance.FOR).post();
        content.comment(proposal).by(author).stance(Stance.AGAINST).post();

        jdbi.useExtension(CommentRepository.class,
                comments -> comments.changeStance(older, Stance.UNDECIDED, START.plus(Duration.ofHours(1))));

        assertThat(stances.latestVisible(proposal.id(), author)).contains(new StanceRepository.Latest(older.id(), "undecided"));
        assertThat(tally()).isEqualTo(new Tally(0, 0, 1));
    }

    @Test
    void betweenStancesSetAtTheSameMomentTheNewerCommentCounts() {
        long author = content.author();
        content.comment(proposal).by(author).stance(Stance.FOR).at(START).post();
        Comment newer = content.comment(proposal).by(author).stance(Stance.AGAINST).at(START).post();

        assertThat(stances.latestVisible(proposal.id(), author)).contains(new StanceRepository.Latest(newer.id(), "against"));
    }

    @Test
    void aStanceOnACommentReadersCannotSeeCountsForNothing() {
        long author = content.author();
        Comment held = content.comment(proposal).by(author).stance(Stance.FOR).held(CommentStatus.HELD, "First comment").post();

        assertThat(stances.latestVisible(proposal.id(), author)).isEmpty();
        assertThat(stances.counted(proposal.id(), author)).isEmpty();
        assertThat(tally()).isEqualTo(new Tally(0, 0, 0));

        jdbi.useExtension(CommentRepository.class, comments -> comments.changeStatus(held, CommentStatus.PUBLISHED));
        assertThat(stances.counted(proposal.id(), author)).contains("for");
        assertThat(tally()).isEqualTo(new Tally(1, 0, 0));

        jdbi.useExtension(CommentRepository.class,
                comments -> comments.changeStatus(content.reload(held), CommentStatus.REJECTED));
        assertThat(stances.counted(proposal.id(), author)).isEmpty();
        assertThat(tally()).isEqualTo(new Tally(0, 0, 0));
    }

    @Test
    void aCommentWithoutABrowserBehindItIsNobodysStance() {
        stances.recount(proposal.id(), null);

        assertThat(tally()).isEqualTo(new Tally(0, 0, 0));
    }

    @Test
    void countingAPersonAgainReplacesTheirStanceAndForgettingThemRemovesIt() {
        long author = content.author();
        Comment first = content.comment(proposal).by(author).post();
        Comment second = content.comment(proposal).by(author).post();

        stances.count(proposal.id(), author, first.id(), "for");
        stances.count(proposal.id(), author, second.id(), "against");
        assertThat(stances.counted(proposal.id(), author)).contains("against");

        stances.forget(proposal.id(), author);
        assertThat(stances.counted(proposal.id(), author)).isEmpty();
    }

    @Test
    void theTallyMovesByWhatItIsGiven() {
        stances.adjustTally(proposal.id(), 3, 2, 1);
        stances.adjustTally(proposal.id(), -1, 0, 1);

        assertThat(tally()).isEqualTo(new Tally(2, 2, 2));
        assertThat(content.proposal(article, 2).tally()).isEqualTo(new Tally(0, 0, 0));
    }

    @Test
    void countingEverythingAgainRebuildsEachPersonsStanceAndEveryTallyFromTheComments() {
        Discussion second = content.proposal(article, 2);
        long sara = content.author();
        long ali = content.author();
        content.comment(proposal).by(sara).stance(Stance.FOR).post();
        content.comment(proposal).by(sara).stance(Stance.AGAINST).post();
        content.comment(proposal).by(ali).stance(Stance.AGAINST).post();
        content.comment(second).by(ali).stance(Stance.UNDECIDED).post();
        Comment reply = content.reply(content.comment(second).by(sara).post()).by(sara).stance(Stance.FOR).post();
        content.comment(second).by(content.author()).stance(Stance.FOR).held(CommentStatus.HELD, "First comment").post();
        content.comment(second).imported().stance(Stance.FOR).post();
        stances.forgetAll();
        stances.adjustTally(proposal.id(), 5, 5, 5);

        stances.recountAll();

        assertThat(content.proposal(article, 1).tally()).isEqualTo(new Tally(0, 2, 0));
        assertThat(content.proposal(article, 2).tally()).isEqualTo(new Tally(0, 0, 1));
        assertThat(stances.counted(proposal.id(), sara)).contains("against");
        assertThat(stances.counted(second.id(), ali)).contains("undecided");
        assertThat(stances.counted(second.id(), sara)).as("a stance on a reply (%s) counts for nothing", reply.id()).isEmpty();
    }

    private Tally tally() {
        return content.proposal(article, 1).tally();
    }
}
