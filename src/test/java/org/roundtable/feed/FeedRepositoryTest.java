package org.roundtable.feed;

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
import org.roundtable.comment.Stance;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class FeedRepositoryTest {

    private Jdbi jdbi;
    private TestContent content;
    private FeedRepository feeds;
    private Article article;
    private Discussion general;
    private Discussion proposal;

    @BeforeEach
    void storeAnArticle(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        feeds = jdbi.onDemand(FeedRepository.class);
        article = content.article("alliance", "بندر مشترک");
        general = content.general(article);
        proposal = content.proposal(article, 1);
    }

    @Test
    void anArticlesFeedHoldsItsNewestPublishedCommentsWithWhereTheyWerePosted() {
        Comment inGeneral = content.comment(general).named("Sara").saying("اول").post();
        content.comment(general).held(CommentStatus.HELD, "First comment").post();
        content.comment(content.general(content.article("other"))).post();
        Comment onProposal = content.comment(proposal).named("علی").saying("دوم").stance(Stance.AGAINST).post();
        Instant editedAt = onProposal.createdAt().plus(Duration.ofMinutes(5));
        jdbi.useExtension(CommentRepository.class, comments -> comments.edit(onProposal, "علی", "دوم، ویرایش شده", onProposal.stance(), editedAt));

        assertThat(feeds.newestOnArticle("alliance")).containsExactly(
                new FeedEntry(onProposal.id(), "alliance", "Article alliance", "proposal-1", 1, "بندر مشترک", "علی",
                        "دوم، ویرایش شده", onProposal.createdAt(), editedAt, "against"),
                new FeedEntry(inGeneral.id(), "alliance", "Article alliance", "general", 0, null, "Sara", "اول",
                        inGeneral.createdAt(), null, null));
        assertThat(feeds.newestOnArticle("Alliance")).isEmpty();
    }

    @Test
    void aFeedHoldsTheFiftyNewestComments() {
        List<Long> written = IntStream.range(0, FeedRepository.SIZE + 1)
                .mapToObj(i -> content.comment(general).post().id()).toList();

        List<FeedEntry> feed = feeds.newestOnArticle("alliance");

        assertThat(feed).hasSize(FeedRepository.SIZE).extracting(FeedEntry::id).startsWith(written.get(FeedRepository.SIZE))
                .doesNotContain(written.get(0));
    }

    @Test
    void aDiscussionsFeedHoldsItsOwnCommentsOnly() {
        content.comment(general).post();
        Comment first = content.comment(proposal).post();
        Comment sameMoment = content.comment(proposal).at(first.createdAt()).post();

        assertThat(feeds.newestInDiscussion("alliance", "proposal-1")).extracting(FeedEntry::id)
                .containsExactly(sameMoment.id(), first.id());
        assertThat(feeds.newestInDiscussion("alliance", "proposal-2")).isEmpty();
    }

    @Test
    void anAuthorsFeedHoldsWhatOthersAnsweredToThemNewestFirst() {
        long author = content.author();
        Comment own = content.comment(general).by(author).post();
        Comment answer = content.reply(own).post();
        content.reply(own).by(author).saying("Answering myself").post();
        content.reply(own).held(CommentStatus.HELD, "More than 2 links").post();
        Comment importedAnswer = content.reply(own).imported().named("Hamid").post();
        Comment answerToTheAnswer = content.reply(answer).post();
        Comment ownOnProposal = content.comment(proposal).by(author).post();
        Comment laterAnswer = content.reply(ownOnProposal).post();

        assertThat(feeds.repliesTo(author)).extracting(FeedEntry::id)
                .containsExactly(laterAnswer.id(), importedAnswer.id(), answer.id())
                .doesNotContain(answerToTheAnswer.id());
        assertThat(feeds.repliesTo(content.author())).isEmpty();
    }
}
