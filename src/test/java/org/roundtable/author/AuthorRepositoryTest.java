package org.roundtable.author;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class AuthorRepositoryTest {

    private static final Instant START = TestContent.START;

    private Jdbi jdbi;
    private TestContent content;
    private AuthorRepository authors;
    private Article article;

    @BeforeEach
    void storeAnArticle(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        authors = jdbi.onDemand(AuthorRepository.class);
        article = content.article("alliance", "بندر مشترک");
    }

    @Test
    void anAuthorIsFoundByTheIdTheirCookieCarriesExactlyAsWritten() {
        Instant createdAt = Instant.parse("2026-03-01T09:00:00.250Z");
        long id = authors.insert("AbCdEf", "hash-of-link", createdAt);

        assertThat(authors.findByPublicId("AbCdEf")).contains(new Author(id, "AbCdEf", createdAt));
        assertThat(authors.findByPublicId("abcdef")).as("ids differ by case").isEmpty();
        assertThat(authors.findByManageTokenHash("hash-of-link")).contains(new Author(id, "AbCdEf", createdAt));
    }

    @Test
    void aNewPrivateLinkReplacesTheOldOne() {
        long id = authors.insert("public-id", "old-hash", START);

        authors.replaceManageTokenHash(id, "new-hash");

        assertThat(authors.findByManageTokenHash("old-hash")).isEmpty();
        assertThat(authors.findByManageTokenHash("new-hash")).map(Author::id).contains(id);
    }

    @Test
    void aRetiredLinkIsKnownAsReplacedFromItsRetirementOnUntilItIsForgotten() {
        long id = authors.insert("public-id", "old-hash", START);
        Instant retired = START.plus(Duration.ofDays(2)).plusMillis(250);

        authors.retire(authors.manageTokenHash(id), retired);

        assertThat(authors.retiredAt("old-hash", retired.minusMillis(1))).contains(retired);
        assertThat(authors.retiredAt("old-hash", retired)).as("kept only while newer than the cut-off").isEmpty();
        assertThat(authors.retiredAt("never-given", START)).isEmpty();
    }

    @Test
    void theIdsOfTheCommentsAnAuthorStillSeesOnOneArticle() {
        long author = content.author();
        Comment general = content.comment(content.general(article)).by(author).at(START).post();
        Comment held = content.comment(content.proposal(article, 1)).by(author).at(START)
                .held(CommentStatus.HELD, "First comment").post();
        content.comment(content.general(content.article("other"))).by(author).at(START).post();
        content.comment(content.general(article)).by(content.author()).at(START).post();
        Comment deleted = content.comment(content.general(article)).by(author).at(START).post();
        jdbi.useExtension(org.roundtable.comment.CommentRepository.class,
                comments -> comments.deleteByAuthor(deleted, START.plusSeconds(60)));

        assertThat(authors.commentIdsOn(author, article.id())).containsExactly(general.id(), held.id());
    }

    @Test
    void anAuthorsPageOfTheArticleIsTheirOwnWhileTheyHaveCommentsAwaitingAModeratorOrStillOpenToEdits() {
        long author = content.author();
        Instant editableSince = START.plus(Duration.ofMinutes(30));
        content.comment(content.general(article)).by(author).at(START).post();
        content.comment(content.general(content.article("other"))).by(author).at(START.plus(Duration.ofHours(1))).post();

        assertThat(authors.hasOwnCommentsShowing(author, "alliance", editableSince)).as("only an old comment here").isFalse();

        Comment held = content.comment(content.general(article)).by(author).at(START)
                .held(CommentStatus.HELD, "First comment").post();
        assertThat(authors.hasOwnCommentsShowing(author, "alliance", editableSince)).as("one awaiting a moderator").isTrue();

        jdbi.useExtension(CommentRepository.class, comments -> comments.changeStatus(held, CommentStatus.REJECTED));
        assertThat(authors.hasOwnCommentsShowing(author, "alliance", editableSince)).as("rejected").isFalse();

        content.comment(content.proposal(article, 1)).by(author).at(editableSince.plusMillis(1)).post();
        assertThat(authors.hasOwnCommentsShowing(author, "alliance", editableSince)).as("one still open to edits").isTrue();
        assertThat(authors.hasOwnCommentsShowing(content.author(), "alliance", editableSince)).isFalse();
    }

    @Test
    void anAuthorsPublishedCommentsComeNewestFirstWithWhereTheyWerePosted() {
        long author = content.author();
        Comment first = content.comment(content.general(article)).by(author).saying("اول").at(START).post();
        Comment tied = content.comment(content.proposal(article, 1)).by(author).saying("دوم").at(START.plusSeconds(60)).post();
        Comment alsoTied = content.reply(first).by(author).saying("سوم").at(START.plusSeconds(60)).post();
        content.comment(content.general(article)).by(author).held(CommentStatus.HELD, "First comment").post();
        jdbi.useExtension(CommentRepository.class, comments -> comments.edit(tied, tied.authorName(), "دوم، ویرایش شده", tied.stance(),
                START.plusSeconds(120)));

        assertThat(authors.comments(author))
                .extracting(AuthoredComment::id, AuthoredComment::articleSlug, AuthoredComment::discussionPosition,
                        AuthoredComment::discussionTitle, AuthoredComment::body, AuthoredComment::editedAt)
                .containsExactly(
                        tuple(alsoTied.id(), "alliance", 0, null, "سوم", null),
                        tuple(tied.id(), "alliance", 1, "بندر مشترک", "دوم، ویرایش شده", START.plusSeconds(120)),
                        tuple(first.id(), "alliance", 0, null, "اول", null));
        assertThat(authors.comments(author)).extracting(AuthoredComment::createdAt, AuthoredComment::articleTitle)
                .contains(tuple(START, "Article alliance"));
        assertThat(authors.comments(content.author())).isEmpty();
    }
}
