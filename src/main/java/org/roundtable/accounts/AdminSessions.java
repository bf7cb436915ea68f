package org.roundtable.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.roundtable.db.Database;
import org.roundtable.security.Signer;
import org.roundtable.security.Tokens;
import org.roundtable.web.Personal;

/**
 * Server-side moderator sessions: kept in the database so they survive a restart, found by the hash of a
 * random id carried in a strict, HttpOnly cookie that only {@code /admin} sees, and ended after idling.
 */
public final class AdminSessions {

    static final String COOKIE = "rt_admin";
    /** Says this browser once signed in to an account, so that account's sign-in pause does not apply to it. */
    static final String DEVICE_COOKIE = "rt_admin_device";
    static final String PATH = "/admin";
    private static final String DEVICE_PURPOSE = "admin-device";
    private static final String WRITES_FAILING = "roundtable.adminWritesFailing";
    /** A session's last use is written at most once a minute: the idle timeout is counted in minutes. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @RegisterConstructorMapper(AdminSession.class)
    interface SessionRepository {
        @SqlUpdate("""
                INSERT INTO moderator_sessions (id_hash, moderator_id, csrf_token, created_at, last_seen_at)
                VALUES (:idHash, :moderatorId, :csrfToken, :now, :now)""")
        void insert(String idHash, long moderatorId, String csrfToken, Instant now);

        @SqlQuery("""
                SELECT s.id_hash, s.moderator_id, m.username, m.role, s.csrf_token, s.last_seen_at
                  FROM moderator_sessions s JOIN moderators m ON m.id = s.moderator_id
                 WHERE s.id_hash = :idHash AND s.last_seen_at > :idleSince AND m.removed_at IS NULL""")
        Optional<AdminSession> find(String idHash, Instant idleSince);

        @SqlUpdate("UPDATE moderator_sessions SET last_seen_at = :now WHERE id_hash = :idHash")
        void touch(String idHash, Instant now);

        @SqlUpdate("DELETE FROM moderator_sessions WHERE id_hash = :idHash OR last_seen_at <= :idleSince")
        void delete(String idHash, Instant idleSince);
    }

    private final Jdbi jdbi;
    private final Signer signer;
    private final Clock clock;
    private final Duration idleTimeout;
    private final boolean secureCookies;

    public AdminSessions(Jdbi jdbi, Signer signer, Clock clock, Duration idleTimeout, boolean secureCookies) {
        this.jdbi = jdbi;
        this.signer = signer;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.secureCookies = secureCookies;
    }

    public Optional<AdminSession> current(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isEmpty()) {
            return Personal.read(ctx, Optional.empty());
        }
        var sessions = jdbi.onDemand(SessionRepository.class);
        Instant now = clock.instant();
        Optional<AdminSession> session = sessions.find(Tokens.sha256(id), now.minus(idleTimeout));
        session.filter(s -> s.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)).ifPresent(s -> touch(ctx, s, now));
        return Personal.read(ctx, session);
    }

    /** Whether the database refused to record this request's use of the session: writes are failing. */
    public static boolean writesFailing(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(WRITES_FAILING));
    }

    /**
     * Keeps the session alive. A moderator must still be able to read the queue and the log while the database
     * cannot write (a full disk, say), and see why their actions fail: so a refused write is noted, not fatal.
     */
    private void touch(Context ctx, AdminSession session, Instant now) {
        try {
            jdbi.useExtension(SessionRepository.class, sessions -> sessions.touch(session.idHash(), now));
        } catch (JdbiException e) {
            if (!Database.isUnavailable(e)) {
                throw e;
            }
            ctx.attribute(WRITES_FAILING, true);
        }
    }

    /** A fresh session id at every sign-in, so an id planted before sign-in is worth nothing after it. */
    public void start(Context ctx, Moderator moderator) {
        end(ctx);
        String id = Tokens.random();
        jdbi.onDemand(SessionRepository.class).insert(Tokens.sha256(id), moderator.id(), Tokens.random(), clock.instant());
        ctx.cookie(cookie(COOKIE, id, -1));
        ctx.cookie(cookie(DEVICE_COOKIE, signer.sign(DEVICE_PURPOSE, moderator.username()), ONE_YEAR));
    }

    /** Whether this browser has signed in to {@code username} before. */
    public boolean isKnownDevice(Context ctx, String username) {
        return Personal.read(ctx, signer.verify(DEVICE_PURPOSE, ctx.cookie(DEVICE_COOKIE)).filter(username::equals)).isPresent();
    }

    /** Ends this browser's session, and sweeps away sessions that idled out. */
    public void end(Context ctx) {
        String id = ctx.cookie(COOKIE);
        jdbi.onDemand(SessionRepository.class).delete(id == null ? "" : Tokens.sha256(id), clock.instant().minus(idleTimeout));
        if (id != null) {
            ctx.cookie(cookie(COOKIE, "", 0));
        }
    }

    private Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, PATH, maxAge, secureCookies, true, null, SameSite.STRICT);
    }
}
