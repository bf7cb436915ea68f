package org.roundtable.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.comment.Discussion;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class SummaryRepositoryTest {

    private static final Instant START = TestContent.START;

    private TestContent content;
    private SummaryRepository summaries;
    private Article article;
    private Discussion first;
    private Discussion second;
    private long moderator;

    @BeforeEach
    void storeAnArticle(Database database) {
        content = new TestContent(database);
        summaries = database.jdbi().onDemand(SummaryRepository.class);
        article = content.article("alliance", "بندر مشترک", "A gas pipeline");
        first = content.proposal(article, 1);
        second = content.proposal(article, 2);
        moderator = content.moderator("parisa");
    }

    @Test
    void eachProposalsCurrentSummaryIsItsNewestAndAtTheSameMomentTheLaterWritten() {
        Instant later = START.plus(Duration.ofHours(1));
        summaries.insert(first.id(), "Early days.", moderator, "Parisa", START);
        long sameMomentFirst = summaries.insert(first.id(), "Most are **for**.", moderator, "Parisa", later);
        long current = summaries.insert(first.id(), "بیشتر موافق‌اند.", null, "the moderators", later);
        long onlyOne = summaries.insert(second.id(), "Undecided.", moderator, "Parisa", START);
        summaries.insert(content.proposal(content.article("other", "Elsewhere"), 1).id(), "Elsewhere.", moderator, "Parisa", START);

        assertThat(summaries.currentForArticle(article.id())).containsExactlyInAnyOrder(
                new Summary(current, first.id(), "بیشتر موافق‌اند.", "the moderators", later),
                new Summary(onlyOne, second.id(), "Undecided.", "Parisa", START));
        assertThat(summaries.history(first.id())).extracting(Summary::id).startsWith(current, sameMomentFirst).hasSize(3);
    }

    @Test
    void aRevisionIsFoundInItsOwnDiscussionOnly() {
        long id = summaries.insert(first.id(), "Most are for.", moderator, "Parisa", START);

        assertThat(summaries.revision(first.id(), id)).contains(new Summary(id, first.id(), "Most are for.", "Parisa", START));
        assertThat(summaries.revision(second.id(), id)).isEmpty();
        assertThat(summaries.history(second.id())).isEmpty();
    }

    @Test
    void aProposalIsFoundByItsArticleAndKeyButTheGeneralDiscussionIsNone() {
        assertThat(summaries.proposal("alliance", "proposal-1"))
                .contains(new SummarizedProposal(first.id(), "alliance", "proposal-1", 1, "بندر مشترک"));
        assertThat(summaries.proposal("alliance", "general")).isEmpty();
        assertThat(summaries.proposal("alliance", "proposal-9")).isEmpty();
        assertThat(summaries.proposal("Alliance", "proposal-1")).isEmpty();
    }

    @Test
    void aModeratorIsShownByTheNameTheyChose() {
        assertThat(summaries.displayName(moderator)).contains("the moderators");

        summaries.rename(moderator, "پریسا");

        assertThat(summaries.displayName(moderator)).contains("پریسا");
        assertThat(summaries.displayName(moderator + 100)).isEmpty();
    }
}
