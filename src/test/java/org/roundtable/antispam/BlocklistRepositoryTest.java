package org.roundtable.antispam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class BlocklistRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00.456Z");

    private BlocklistRepository blocklist;
    private long moderator;

    @BeforeEach
    void open(Database database) {
        blocklist = database.jdbi().onDemand(BlocklistRepository.class);
        moderator = new TestContent(database).moderator("parisa");
    }

    @Test
    void entriesAreListedByKindThenValueWithWhoAddedThem() {
        blocklist.insert(BlockedEntry.PHRASE, "viagra", "spam", moderator, NOW);
        blocklist.insert(BlockedEntry.IP_HASH, "5f2a", "held", moderator, NOW);
        blocklist.insert(BlockedEntry.PHRASE, "کازینو", "held", moderator, NOW);
        blocklist.insert(BlockedEntry.PHRASE, "casino", "spam", moderator, NOW);

        assertThat(blocklist.all())
                .extracting(BlockedEntry::kind, BlockedEntry::value, BlockedEntry::createdBy, BlockedEntry::createdAt)
                .containsExactly(
                        tuple("ip_hash", "5f2a", "parisa", NOW),
                        tuple("phrase", "casino", "parisa", NOW),
                        tuple("phrase", "viagra", "parisa", NOW),
                        tuple("phrase", "کازینو", "parisa", NOW));
    }

    @Test
    void anEntryIsKnownByItsKindAndExactValue() {
        long id = blocklist.insert(BlockedEntry.PHRASE, "Casino", "spam", moderator, NOW);

        assertThat(blocklist.exists(BlockedEntry.PHRASE, "Casino")).isTrue();
        assertThat(blocklist.exists(BlockedEntry.PHRASE, "casino")).isFalse();
        assertThat(blocklist.exists(BlockedEntry.IP_HASH, "Casino")).isFalse();
        assertThat(blocklist.describe(id)).isEqualTo("phrase:Casino");
    }

    @Test
    void aDeletedEntryIsGone() {
        long id = blocklist.insert(BlockedEntry.PHRASE, "casino", "spam", moderator, NOW);

        assertThat(blocklist.delete(id)).isEqualTo(1);
        assertThat(blocklist.delete(id)).isZero();
        assertThat(blocklist.all()).isEmpty();
        assertThat(blocklist.exists(BlockedEntry.PHRASE, "casino")).isFalse();
    }
}
