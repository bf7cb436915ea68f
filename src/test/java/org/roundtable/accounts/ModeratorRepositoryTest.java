package org.roundtable.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class ModeratorRepositoryTest {

    private static final Instant CREATED_AT = Instant.parse("2026-03-01T09:00:00.750Z");

    private Jdbi jdbi;
    private ModeratorRepository moderators;

    @BeforeEach
    void open(Database database) {
        jdbi = database.jdbi();
        moderators = jdbi.onDemand(ModeratorRepository.class);
    }

    @Test
    void anAccountComesBackByItsIdOrItsExactName() {
        long id = moderators.insert("Parisa", "bcrypt-hash", "admin", CREATED_AT);

        Moderator parisa = new Moderator(id, "Parisa", Role.ADMIN, CREATED_AT);
        assertThat(moderators.find(id)).contains(parisa);
        assertThat(moderators.findByUsername("Parisa")).contains(parisa);
        assertThat(moderators.findByUsername("parisa")).as("names differ by case").isEmpty();
        assertThat(moderators.passwordHash("Parisa")).contains("bcrypt-hash");
        assertThat(moderators.passwordHash("nobody")).isEmpty();
    }

    @Test
    void anAccountCreatedUnlessTheNameIsTakenIsCreatedOnce() {
        assertThat(moderators.insertIfAbsent("admin", "first", "admin", CREATED_AT)).isPresent();

        assertThat(moderators.insertIfAbsent("admin", "second", "admin", CREATED_AT)).isEmpty();
        assertThat(moderators.passwordHash("admin")).contains("first");
        assertThat(moderators.count()).isEqualTo(1);
    }

    @Test
    void activeAccountsAreListedAndCountedByNameAndRoleAndARemovedOneKeepsItsName() {
        moderators.insert("zahra", "hash", "moderator", CREATED_AT);
        long hamid = moderators.insert("hamid", "hash", "admin", CREATED_AT);
        moderators.insert("ali", "hash", "admin", CREATED_AT);
        long removed = moderators.insert("bahram", "hash", "moderator", CREATED_AT);

        moderators.remove(removed, CREATED_AT.plusSeconds(60));

        assertThat(moderators.all()).extracting(Moderator::username).containsExactly("ali", "hamid", "zahra");
        assertThat(moderators.count()).isEqualTo(3);
        assertThat(moderators.adminCount()).isEqualTo(2);
        assertThat(moderators.find(removed)).isEmpty();
        assertThat(moderators.findByUsername("bahram")).isEmpty();
        assertThat(moderators.passwordHash("bahram")).isEmpty();
        assertThat(moderators.usernameTaken("bahram")).isTrue();
        assertThat(moderators.usernameTaken("Bahram")).isFalse();
        assertThat(moderators.find(hamid)).isPresent();
    }

    @Test
    void aNewPasswordReplacesTheOld() {
        long id = moderators.insert("parisa", "old", "moderator", CREATED_AT);

        moderators.setPasswordHash(id, "new");

        assertThat(moderators.passwordHash("parisa")).contains("new");
    }

    @Test
    void sessionsAreEndedAllOrAllButTheOneKept() {
        long parisa = moderators.insert("parisa", "hash", "moderator", CREATED_AT);
        long hamid = moderators.insert("hamid", "hash", "moderator", CREATED_AT);
        var sessions = jdbi.onDemand(AdminSessions.SessionRepository.class);
        sessions.insert("parisa-laptop", parisa, "token-1", CREATED_AT);
        sessions.insert("parisa-phone", parisa, "token-2", CREATED_AT);
        sessions.insert("hamid-laptop", hamid, "token-3", CREATED_AT);

        moderators.endSessionsBut(parisa, "parisa-laptop");
        assertThat(sessions.find("parisa-laptop", Instant.EPOCH)).isPresent();
        assertThat(sessions.find("parisa-phone", Instant.EPOCH)).isEmpty();

        moderators.endSessions(parisa);
        assertThat(sessions.find("parisa-laptop", Instant.EPOCH)).isEmpty();
        assertThat(sessions.find("hamid-laptop", Instant.EPOCH)).isPresent();
    }
}
