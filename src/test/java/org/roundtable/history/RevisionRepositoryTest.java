package org.roundtable.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class RevisionRepositoryTest {

    private static final Instant START = TestContent.START;

    private Jdbi jdbi;
    private TestContent content;
    private RevisionRepository revisions;
    private Comment comment;

    @BeforeEach
    void storeACommentEditedTwice(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        revisions = jdbi.onDemand(RevisionRepository.class);
        comment = content.comment(content.general(content.article("alliance"))).named("Sara").saying("نسخه اول").at(START).post();
        edit(comment, "نسخه دوم", START.plus(Duration.ofMinutes(1)));
        edit(content.reload(comment), "نسخه سوم", START.plus(Duration.ofMinutes(2)));
    }

    @Test
    void everyVersionOfACommentComesOldestFirstTheNewestBeingItsOwnText() {
        List<Revision> versions = revisions.ofComment(comment.id());

        assertThat(versions).extracting(Revision::body, Revision::madeAt, Revision::hiddenAt)
                .containsExactly(
                        tuple("نسخه اول", START, null),
                        tuple("نسخه دوم", START.plus(Duration.ofMinutes(1)), null),
                        tuple("نسخه سوم", START.plus(Duration.ofMinutes(2)), null));
        assertThat(revisions.find(versions.get(1).id())).contains(versions.get(1));
        assertThat(revisions.newest(comment.id())).isEqualTo(versions.get(2).id());
        assertThat(revisions.shownBeforeNewest(comment.id())).containsExactly(versions.get(0).id(), versions.get(1).id());
    }

    @Test
    void aCommentNeverEditedHasNoVersions() {
        Comment unedited = content.comment(content.general(content.article("alliance"))).post();

        assertThat(revisions.ofComment(unedited.id())).isEmpty();
        assertThat(revisions.newest(unedited.id())).isNull();
        assertThat(revisions.shownBeforeNewest(unedited.id())).isEmpty();
        assertThat(revisions.find(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aHiddenVersionIsKeptFromReadersUntilAModeratorShowsItAgain() {
        long moderator = content.moderator("parisa");
        long original = revisions.ofComment(comment.id()).get(0).id();
        Instant hiddenAt = START.plus(Duration.ofHours(1));

        assertThat(revisions.hide(original, hiddenAt, moderator)).isEqualTo(1);
        assertThat(revisions.hide(original, hiddenAt.plusSeconds(1), moderator)).as("hidden already").isZero();
        assertThat(revisions.find(original).orElseThrow().hiddenAt()).isEqualTo(hiddenAt);
        assertThat(revisions.shownBeforeNewest(comment.id())).doesNotContain(original).hasSize(1);

        assertThat(revisions.show(original)).isEqualTo(1);
        assertThat(revisions.show(original)).as("shown already").isZero();
        assertThat(revisions.find(original).orElseThrow().hidden()).isFalse();
        assertThat(revisions.shownBeforeNewest(comment.id())).contains(original);
    }

    private void edit(Comment before, String body, Instant at) {
        jdbi.useExtension(CommentRepository.class, comments -> comments.edit(before, before.authorName(), body, before.stance(), at));
    }
}
