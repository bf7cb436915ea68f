package org.roundtable.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Slows password guessing: after too many failures within the window, for one account or from one address,
 * sign-in is refused until the window has passed, whatever the password. Failures are kept in the database,
 * so a restart does not reset the count.
 */
public final class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);

    interface FailureRepository {
        @SqlUpdate("INSERT INTO login_failures (username, ip_hash, failed_at) VALUES (:username, :ipHash, :now)")
        void insert(String username, String ipHash, Instant now);

        @SqlQuery("SELECT COUNT(*) FROM login_failures WHERE username = :username AND failed_at > :since")
        int forAccount(String username, Instant since);

        @SqlQuery("SELECT COUNT(*) FROM login_failures WHERE ip_hash = :ipHash AND failed_at > :since")
        int fromAddress(String ipHash, Instant since);

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

    public boolean isBlocked(String username, String ipHash) {
        var failures = jdbi.onDemand(FailureRepository.class);
        Instant since = clock.instant().minus(WINDOW);
        return failures.forAccount(username, since) >= maxFailures || failures.fromAddress(ipHash, since) >= maxFailures;
    }

    public void failed(String username, String ipHash) {
        jdbi.onDemand(FailureRepository.class).insert(username, ipHash, clock.instant());
    }

    /** A correct password clears that account's failures (and forgets failures older than the window). */
    public void succeeded(String username) {
        jdbi.onDemand(FailureRepository.class).clear(username, clock.instant().minus(WINDOW));
    }

    public long windowMinutes() {
        return WINDOW.toMinutes();
    }
}
