package org.roundtable.antispam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.comment.Comment;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class BanRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private TestContent content;
    private BanRepository bans;
    private Comment comment;
    private long moderator;

    @BeforeEach
    void storeAComment(Database database) {
        content = new TestContent(database);
        bans = database.jdbi().onDemand(BanRepository.class);
        comment = content.comment(content.general(content.article("alliance"))).named("علی").saying("Rude words").post();
        moderator = content.moderator("parisa");
    }

    @Test
    void aBanComesBackWithTheCommentThatLedToItAndWhoDecided() {
        Instant expiresAt = NOW.plus(Duration.ofDays(7));
        long id = bans.insert(comment.authorId(), null, "Insults", comment.id(), moderator, NOW, expiresAt);

        assertThat(bans.find(id)).contains(new Ban(id, comment.authorId(), null, "Insults", comment.id(), "علی", "Rude words",
                "parisa", NOW, expiresAt, null, null));
        assertThat(bans.find(id + 1)).isEmpty();
    }

    @Test
    void aBanIsInForceAgainstItsBrowserOrItsAddressUntilItExpires() {
        long byBrowser = bans.insert(comment.authorId(), null, "Insults", comment.id(), moderator, NOW,
                NOW.plus(Duration.ofDays(1)));
        long byAddress = bans.insert(null, "hash-new", "Flood", comment.id(), moderator, NOW, null);

        assertThat(bans.active(comment.authorId(), "hash-other", "hash-other-before", NOW)).map(Ban::id).contains(byBrowser);
        assertThat(bans.active(content.author(), "hash-new", "hash-other-before", NOW)).map(Ban::id).contains(byAddress);
        assertThat(bans.active(null, "hash-other", "hash-new", NOW)).as("the address as hashed before").map(Ban::id)
                .contains(byAddress);
        assertThat(bans.active(content.author(), "hash-other", "hash-other-before", NOW)).isEmpty();
        assertThat(bans.active(comment.authorId(), "hash-other", "hash-other-before", NOW.plus(Duration.ofDays(1))))
                .as("expired").isEmpty();
    }

    @Test
    void ofSeveralBansInForceTheNewestIsTheOneShown() {
        bans.insert(comment.authorId(), null, "First", comment.id(), moderator, NOW.minus(Duration.ofDays(2)), null);
        long newer = bans.insert(null, "hash-1", "Second", comment.id(), moderator, NOW.minus(Duration.ofDays(1)), null);

        assertThat(bans.active(comment.authorId(), "hash-1", "hash-1", NOW)).map(Ban::id).contains(newer);
    }

    @Test
    void aLiftedBanIsNoLongerInForceAndSaysWhoLiftedIt() {
        long id = bans.insert(null, "hash-1", "Flood", comment.id(), moderator, NOW, null);
        long another = content.moderator("hamid");

        assertThat(bans.lift(id, another, NOW.plusSeconds(60))).isEqualTo(1);
        assertThat(bans.lift(id, moderator, NOW.plusSeconds(120))).as("lifted already").isZero();

        assertThat(bans.active(null, "hash-1", "hash-1", NOW.plusSeconds(180))).isEmpty();
        assertThat(bans.find(id).orElseThrow()).extracting(Ban::liftedAt, Ban::liftedBy)
                .containsExactly(NOW.plusSeconds(60), "hamid");
    }

    @Test
    void everyBanIsListedNewestFirst() {
        long old = bans.insert(null, "hash-1", "Old", comment.id(), moderator, NOW.minus(Duration.ofDays(30)), null);
        long sameMomentFirst = bans.insert(null, "hash-2", "Same moment", comment.id(), moderator, NOW, null);
        long sameMomentSecond = bans.insert(comment.authorId(), null, "Same moment", comment.id(), moderator, NOW, null);
        bans.lift(old, moderator, NOW);

        assertThat(bans.all()).extracting(Ban::id).containsExactly(sameMomentSecond, sameMomentFirst, old);
    }
}
