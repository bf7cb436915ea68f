package org.roundtable.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Slows password guessing without letting anyone lock an account for others.
 * <ul>
 *   <li>An address that failed too often within the window is refused until the window has passed, for every
 *       account: it is the guesser's own address that pauses.</li>
 *   <li>An account that failed too often, from any number of addresses, accepts one attempt at a time with a
 *       growing pause between them (1 s, 2 s, 4 s ... at most a minute), which slows distributed guessing to a
 *       crawl while its owner can still sign in. A browser that signed in to the account before skips that
 *       pause (a "known device").</li>
 * </ul>
 * Each attempt is recorded before its password is checked, in a transaction that holds the account's row (and on
 * SQLite the database's write lock), so attempts sent in parallel are counted one after another and none is
 * evaluated beyond the limit.
 * Failures are kept in the database: a restart, or another instance, sees them.
 */
public final class LoginThrottle {

    /** How long a failure counts; an older one decides nothing and may be forgotten. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LONGEST_ACCOUNT_PAUSE = Duration.ofMinutes(1);

    /** Whether a sign-in attempt may check its password, or how long it must wait. */
    public sealed interface Attempt {
        /** May check its password; {@code id} is the attempt's record, forgotten if the password is right. */
        record Allowed(long id) implements Attempt {}

        record Refused(Duration retryAfter) implements Attempt {}
    }

    interface FailureRepository {
        /**
         * Holds the account's row until the attempt is recorded and judged, so attempts on one account sent in
         * parallel are counted one after another on every engine (SQLite's write lock does it anyway; on
         * PostgreSQL this row lock does). Attempts on a name that is no account need no such order.
         */
        @SqlUpdate("UPDATE moderators SET username = username WHERE username = :username")
        void lockAccount(String username);

        @SqlQuery("INSERT INTO login_failures (username, ip_hash, failed_at) VALUES (:username, :ipHash, :now) RETURNING id")
        long insert(String username, String ipHash, Instant now);

        @SqlQuery("SELECT COUNT(*) FROM login_failures WHERE ip_hash = :ipHash AND failed_at > :since")
        int fromAddress(String ipHash, Instant since);

        @SqlQuery("SELECT COUNT(*) FROM login_failures WHERE username = :username AND failed_at > :since")
        int forAccount(String username, Instant since);

        @SqlQuery("SELECT MAX(failed_at) FROM login_failures WHERE username = :username AND failed_at > :since AND id <> :id")
        Instant previousForAccount(String username, Instant since, long id);

        @SqlUpdate("DELETE FROM login_failures WHERE id = :id")
        void delete(long id);

        @SqlUpdate("DELETE FROM login_failures WHERE username = :username OR failed_at <= :before")
        void clear(String username, Instant before);
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final int maxFailures;

    public LoginThrottle(Jdbi jdbi, Clock clock, int maxFailures) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.maxFailures = maxFailures;
    }

    /** Records an attempt to sign in to {@code username} from {@code ipHash}, if the limits allow one now. */
    public Attempt attempt(String username, String ipHash, boolean knownDevice) {
        if (maxFailures == 0) {
            return new Attempt.Allowed(0);
        }
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        return jdbi.inTransaction(handle -> {
            var failures = handle.attach(FailureRepository.class);
            failures.lockAccount(username);
            long id = failures.insert(username, ipHash, now);
            Optional<Duration> wait = failures.fromAddress(ipHash, since) > maxFailures
                    ? Optional.of(WINDOW)
                    : knownDevice ? Optional.empty() : accountPause(failures, username, id, now);
            if (wait.isPresent()) {
                // A refused attempt checks no password, so it is no failure either.
                failures.delete(id);
                return new Attempt.Refused(wait.get());
            }
            return new Attempt.Allowed(id);
        });
    }

    /** A correct password: the attempt was no failure, and the account's earlier failures are forgiven. */
    public void succeeded(String username) {
        jdbi.useExtension(FailureRepository.class, failures -> failures.clear(username, clock.instant().minus(WINDOW)));
    }

    public long windowMinutes() {
        return WINDOW.toMinutes();
    }

    private Optional<Duration> accountPause(FailureRepository failures, String username, long id, Instant now) {
        Instant since = now.minus(WINDOW);
        int beyondLimit = failures.forAccount(username, since) - maxFailures;
        if (beyondLimit <= 0) {
            return Optional.empty();
        }
        Duration pause = Duration.ofSeconds(1L << Math.min(beyondLimit - 1, 6));
        pause = pause.compareTo(LONGEST_ACCOUNT_PAUSE) > 0 ? LONGEST_ACCOUNT_PAUSE : pause;
        Instant previous = failures.previousForAccount(username, since, id);
        Instant allowedAt = previous == null ? now : previous.plus(pause);
        return allowedAt.isAfter(now) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }
}
