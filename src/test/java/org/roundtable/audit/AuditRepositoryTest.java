package org.roundtable.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.audit.AuditLog.AuditRepository;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class AuditRepositoryTest {

    private static final Instant EARLIER = Instant.parse("2026-03-10T12:00:00.125Z");
    private static final Instant LATER = Instant.parse("2026-03-10T13:00:00Z");
    private static final String ANY = "";

    private Jdbi jdbi;
    private AuditRepository audit;
    private Actor parisa;

    @BeforeEach
    void open(Database database) {
        jdbi = database.jdbi();
        audit = jdbi.onDemand(AuditRepository.class);
        parisa = new Actor(new TestContent(database).moderator("parisa"), "parisa");
    }

    @Test
    void anActionIsRecordedWithWhoDidItToWhatAndTheValuesBeforeAndAfter() {
        record(EARLIER, parisa, "comment.edit", "comment", 42L, "متن قبلی", "متن جدید");

        assertThat(audit.page(ANY, ANY, 10, 0)).containsExactly(new AuditEntry(
                audit.page(ANY, ANY, 1, 0).get(0).id(), "parisa", "comment.edit", "comment", 42L, "متن قبلی", "متن جدید", EARLIER));
    }

    @Test
    void theLogComesNewestFirstAPageAtATimeFilteredByActionAndModerator() {
        record(EARLIER, parisa, "comment.approve", "comment", 1L, null, null);
        record(LATER, Actor.SYSTEM, "comment.hold", "comment", 2L, null, null);
        record(LATER, parisa, "ban.create", "ban", 3L, null, "rude");
        record(LATER, parisa, "comment.approve", "comment", 4L, null, null);

        assertThat(audit.page(ANY, ANY, 2, 0)).extracting(AuditEntry::targetId).containsExactly(4L, 3L);
        assertThat(audit.page(ANY, ANY, 2, 2)).extracting(AuditEntry::targetId).containsExactly(2L, 1L);
        assertThat(audit.page("comment.approve", ANY, 10, 0)).extracting(AuditEntry::targetId).containsExactly(4L, 1L);
        assertThat(audit.page(ANY, "system", 10, 0)).extracting(AuditEntry::targetId).containsExactly(2L);
        assertThat(audit.page("comment.approve", "system", 10, 0)).isEmpty();
        assertThat(audit.page("Comment.Approve", ANY, 10, 0)).as("actions are matched exactly").isEmpty();
    }

    @Test
    void theFiltersOfferEveryActionAndModeratorOnceInOrder() {
        record(EARLIER, parisa, "comment.approve", "comment", 1L, null, null);
        record(LATER, Actor.SYSTEM, "comment.hold", "comment", 2L, null, null);
        record(LATER, parisa, "ban.create", "ban", null, null, null);
        record(LATER, parisa, "comment.approve", "comment", 4L, null, null);

        assertThat(audit.actions()).containsExactly("ban.create", "comment.approve", "comment.hold");
        assertThat(audit.moderators()).containsExactly("parisa", "system");
    }

    /** As a moderation action records itself, in its own transaction. */
    private void record(Instant at, Actor actor, String action, String targetType, Long targetId, String before, String after) {
        var log = new AuditLog(Clock.fixed(at, ZoneOffset.UTC));
        jdbi.useTransaction(handle -> log.record(handle, actor, action, targetType, targetId, before, after));
    }
}
