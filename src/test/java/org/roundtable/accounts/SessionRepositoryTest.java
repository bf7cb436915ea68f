package org.roundtable.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class SessionRepositoryTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-03-10T12:00:00.500Z");
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private ModeratorRepository moderators;
    private AdminSessions.SessionRepository sessions;
    private long parisa;

    @BeforeEach
    void signIn(Database database) {
        moderators = database.jdbi().onDemand(ModeratorRepository.class);
        sessions = database.jdbi().onDemand(AdminSessions.SessionRepository.class);
        parisa = moderators.insert("parisa", "hash", "admin", SIGNED_IN);
        sessions.insert("id-hash", parisa, "csrf-token", SIGNED_IN);
    }

    @Test
    void aSessionIsFoundWithItsModeratorUntilItIdles() {
        assertThat(sessions.find("id-hash", SIGNED_IN.minus(IDLE_TIMEOUT)))
                .contains(new AdminSession("id-hash", parisa, "parisa", Role.ADMIN, "csrf-token", SIGNED_IN));
        assertThat(sessions.find("id-hash", SIGNED_IN)).as("idle since the moment it was last used").isEmpty();
        assertThat(sessions.find("other-hash", Instant.EPOCH)).isEmpty();
    }

    @Test
    void usingASessionKeepsItAlive() {
        Instant later = SIGNED_IN.plus(IDLE_TIMEOUT);

        sessions.touch("id-hash", later);

        assertThat(sessions.find("id-hash", later.minus(IDLE_TIMEOUT).plusMillis(1))).map(AdminSession::lastSeenAt).contains(later);
    }

    @Test
    void theSessionOfARemovedModeratorIsNoSession() {
        moderators.remove(parisa, SIGNED_IN.plusSeconds(1));

        assertThat(sessions.find("id-hash", Instant.EPOCH)).isEmpty();
    }

    @Test
    void signingOutEndsThisSessionAndSweepsAwayIdleOnes() {
        sessions.insert("idle-hash", parisa, "csrf-2", SIGNED_IN.minus(Duration.ofHours(2)));
        sessions.insert("active-hash", parisa, "csrf-3", SIGNED_IN);

        sessions.delete("id-hash", SIGNED_IN.minus(IDLE_TIMEOUT));

        assertThat(sessions.find("id-hash", Instant.EPOCH)).isEmpty();
        assertThat(sessions.find("idle-hash", Instant.EPOCH)).isEmpty();
        assertThat(sessions.find("active-hash", Instant.EPOCH)).isPresent();
    }
}
