package org.roundtable.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.security.LoginThrottle.FailureRepository;

@BothEngines
class FailureRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant WINDOW_START = NOW.minus(LoginThrottle.WINDOW);

    private Jdbi jdbi;
    private FailureRepository failures;

    @BeforeEach
    void open(Database database) {
        jdbi = database.jdbi();
        failures = jdbi.onDemand(FailureRepository.class);
        new TestContent(database).moderator("admin");
    }

    @Test
    void failuresWithinTheWindowAreCountedByAddressAndByAccount() {
        failures.insert("admin", "hash-1", WINDOW_START);
        failures.insert("admin", "hash-1", WINDOW_START.plusMillis(1));
        failures.insert("admin", "hash-2", NOW);
        failures.insert("parisa", "hash-1", NOW);

        assertThat(failures.fromAddress("hash-1", WINDOW_START)).as("the window's first moment is outside it").isEqualTo(2);
        assertThat(failures.forAccount("admin", WINDOW_START)).isEqualTo(2);
        assertThat(failures.forAccount("Admin", WINDOW_START)).as("names differ by case").isZero();
        assertThat(failures.fromAddress("hash-3", WINDOW_START)).isZero();
    }

    @Test
    void thePreviousFailureOnAnAccountIsTheLatestOtherThanThisAttempt() {
        failures.insert("admin", "hash-1", NOW.minusSeconds(30));
        failures.insert("admin", "hash-2", NOW.minusMillis(1500));
        long attempt = failures.insert("admin", "hash-1", NOW);

        assertThat(failures.previousForAccount("admin", WINDOW_START, attempt)).isEqualTo(NOW.minusMillis(1500));
        assertThat(failures.previousForAccount("parisa", WINDOW_START, attempt)).isNull();
    }

    @Test
    void anAttemptIsForgottenAloneOrWithTheAccountsFailuresAndEveryOldOne() {
        long refused = failures.insert("admin", "hash-1", NOW);
        failures.insert("admin", "hash-2", NOW);
        failures.insert("parisa", "hash-3", WINDOW_START.minus(Duration.ofMinutes(1)));
        failures.insert("parisa", "hash-3", NOW);

        failures.delete(refused);
        assertThat(failures.forAccount("admin", WINDOW_START)).isEqualTo(1);

        failures.clear("admin", WINDOW_START);
        assertThat(failures.forAccount("admin", WINDOW_START)).isZero();
        assertThat(failures.fromAddress("hash-3", Instant.EPOCH)).as("the old one went, the recent stayed").isEqualTo(1);
    }

    @Test
    void anAttemptHoldsItsAccountUntilItIsJudgedSoAnotherAttemptOnItWaits() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Handle attempt = jdbi.open()) {
            attempt.begin();
            attempt.attach(FailureRepository.class).lockAccount("admin");

            Future<?> next = other.submit(() -> jdbi.useTransaction(h -> h.attach(FailureRepository.class).lockAccount("admin")));
            assertThatThrownBy(() -> next.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

            attempt.commit();
            next.get(5, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }
}
