package org.roundtable.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.Stance;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.helpful.HelpfulRepository;

@BothEngines
class ComparisonRepositoryTest {

    private static final Instant START = TestContent.START;

    private Jdbi jdbi;
    private TestContent content;
    private ComparisonRepository comparison;
    private Discussion proposal;

    @BeforeEach
    void storeAProposal(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        comparison = jdbi.onDemand(ComparisonRepository.class);
        proposal = content.proposal(content.article("alliance", "A shared port"), 1);
    }

    @Test
    void theStrongestArgumentIsTheThreadMostPeopleTookPartInCountingTheirCountedMarks() {
        Comment discussed = content.comment(proposal).stance(Stance.FOR).saying("Trade first").post();
        content.reply(discussed).post();
        content.reply(discussed).post();
        content.reply(discussed).held(CommentStatus.HELD, "More than 2 links").post();
        Comment marked = content.comment(proposal).stance(Stance.FOR).named("Hamid").saying("Security first").post();
        markHelpful(marked, "address-1", "address-2", "address-3", "address-3", "address-3");
        Comment against = content.comment(proposal).stance(Stance.AGAINST).saying("Neither").post();

        assertThat(comparison.strongest(proposal.id(), "for"))
                .contains(new ComparisonRepository.Argument(marked.id(), "Hamid", "Security first", 3, 0, 4));
        assertThat(comparison.strongest(proposal.id(), "against"))
                .contains(new ComparisonRepository.Argument(against.id(), "Sara", "Neither", 0, 0, 1));
        assertThat(comparison.strongest(proposal.id(), "undecided")).isEmpty();
    }

    @Test
    void betweenThreadsOfAsManyPeopleTheOneWithMoreRepliesWinsThenTheEarlier() {
        long sara = content.author();
        Comment earlier = content.comment(proposal).stance(Stance.FOR).post();
        Comment answeredByItsWriter = content.comment(proposal).by(sara).stance(Stance.FOR).post();
        content.reply(answeredByItsWriter).by(sara).post();

        assertThat(comparison.strongest(proposal.id(), "for")).map(ComparisonRepository.Argument::id)
                .contains(answeredByItsWriter.id());

        content.reply(earlier).by(earlier.authorId()).post();
        assertThat(comparison.strongest(proposal.id(), "for")).map(ComparisonRepository.Argument::id).contains(earlier.id());
    }

    @Test
    void writersOfImportedCommentsAreCountedByTheirNames() {
        Comment imported = content.comment(proposal).imported().named("Hamid").stance(Stance.FOR).post();
        content.reply(imported).imported().named("Hamid").post();
        content.reply(imported).imported().named("حمید").post();
        content.comment(proposal).by(content.author()).named("Hamid").post();
        content.comment(proposal).held(CommentStatus.HELD, "First comment").post();

        assertThat(comparison.strongest(proposal.id(), "for")).map(ComparisonRepository.Argument::people).contains(2L);
        assertThat(comparison.participants(proposal.id())).as("two names and a browser").isEqualTo(3);
    }

    @Test
    void theLastActivityIsWhenTheNewestVisibleCommentWasWritten() {
        assertThat(comparison.lastActivity(proposal.id())).isEmpty();
        assertThat(comparison.participants(proposal.id())).isZero();

        content.comment(proposal).at(START.plusMillis(1500)).post();
        content.comment(proposal).at(START.plusSeconds(60)).held(CommentStatus.HELD, "First comment").post();

        assertThat(comparison.lastActivity(proposal.id())).contains(START.plusMillis(1500));
    }

    /** One browser's mark from each address, at most one counted per address. */
    private void markHelpful(Comment comment, String... addresses) {
        var helpful = jdbi.onDemand(HelpfulRepository.class);
        for (String address : addresses) {
            helpful.mark(comment.id(), content.author(), address, true, START, 1);
        }
    }
}
