package org.roundtable.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.antispam.FloodControl;
import org.roundtable.author.AuthorCookies;
import org.roundtable.db.GroupCommitWriter;
import org.roundtable.security.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once an hour, forgets rows that decide nothing any more and would otherwise pile up for ever: flood-control
 * quotas whose hour and interval are over, sign-in failures older than their window, moderator sessions idle past
 * their timeout, author identities nothing refers to after a day (what a refused or taken-back mark, or a
 * refused report, left behind), and private links replaced longer ago than {@link AuthorCookies#REPLACED_LINKS_KEPT}. At most {@link #MOST_PER_TABLE} rows per table a run, found by reads and deleted
 * through the {@link GroupCommitWriter} {@link #BATCH} at a time, so SQLite's write lock is never held for long and posts keep
 * flowing.
 */
public final class Housekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    static final Duration EVERY = Duration.ofHours(1);
    /** The first run waits for the start's own work (the page cache's warm-up, the search backfill). */
    static final Duration FIRST_AFTER = Duration.ofMinutes(10);
    static final int MOST_PER_TABLE = 10_000;
    static final int BATCH = 1_000;
    /**
     * An identity is made when a browser without a cookie marks or reports; one that has kept nothing for a day is
     * not coming back for anything (a browser that returns with its cookie simply gets a new one).
     */
    static final Duration UNUSED_AUTHOR_AGE = Duration.ofDays(1);

    /** How many rows of each table a run forgot. */
    public record Pruned(int postQuotas, int loginFailures, int adminSessions, int authors, int retiredPrivateLinks) {}

    private final Jdbi jdbi;
    private final GroupCommitWriter writer;
    private final FloodControl flood;
    private final Duration adminIdleTimeout;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "roundtable-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    public Housekeeping(Jdbi jdbi, GroupCommitWriter writer, FloodControl flood, Duration adminIdleTimeout, Clock clock) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.flood = flood;
        this.adminIdleTimeout = adminIdleTimeout;
        this.clock = clock;
    }

    /** Runs {@link #run} every hour until {@link #close}. */
    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                Pruned pruned = run();
                log.info("Housekeeping forgot {}", pruned);
            } catch (RuntimeException e) {
                // The next run tries again; an exception here would end the schedule.
                log.warn("Housekeeping stopped early: {}", e.getMessage());
            }
        }, FIRST_AFTER.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One pass over every table. */
    public Pruned run() {
        Instant now = clock.instant();
        FloodControl.Forgettable quotas = flood.forgettable(now);
        Instant failuresCountedSince = now.minus(LoginThrottle.WINDOW);
        Instant idleSince = now.minus(adminIdleTimeout);
        Instant authorsMadeBy = now.minus(UNUSED_AUTHOR_AGE);
        Instant linksRetiredBy = now.minus(AuthorCookies.REPLACED_LINKS_KEPT);
        return new Pruned(
                prune("", (rows, after, limit) -> rows.postQuotas(after, quotas.hourStartedBy(), quotas.lastPostBy(), limit),
                        (rows, keys) -> rows.deletePostQuotas(keys, quotas.hourStartedBy(), quotas.lastPostBy())),
                prune(0L, (rows, after, limit) -> rows.loginFailures(after, failuresCountedSince, limit),
                        (rows, ids) -> rows.deleteLoginFailures(ids, failuresCountedSince)),
                prune("", (rows, after, limit) -> rows.adminSessions(after, idleSince, limit),
                        (rows, idHashes) -> rows.deleteAdminSessions(idHashes, idleSince)),
                prune(0L, (rows, after, limit) -> rows.unusedAuthors(after, authorsMadeBy, limit),
                        (rows, ids) -> rows.deleteUnusedAuthors(ids, authorsMadeBy)),
                prune("", (rows, after, limit) -> rows.retiredPrivateLinks(after, linksRetiredBy, limit),
                        (rows, hashes) -> rows.deleteRetiredPrivateLinks(hashes, linksRetiredBy)));
    }

    private interface Find<K> {
        List<K> after(StaleRows rows, K after, int limit);
    }

    private interface Delete<K> {
        int all(StaleRows rows, List<K> keys);
    }

    /** Walks one table by key from {@code first}: a read finds a batch, a write deletes it; returns how many went. */
    private <K> int prune(K first, Find<K> find, Delete<K> delete) {
        int deleted = 0;
        int found = 0;
        K after = first;
        while (found < MOST_PER_TABLE) {
            K from = after;
            int limit = Math.min(BATCH, MOST_PER_TABLE - found);
            List<K> keys = jdbi.withExtension(StaleRows.class, rows -> find.after(rows, from, limit));
            found += keys.size();
            if (!keys.isEmpty()) {
                deleted += writer.write(session -> delete.all(session.attach(StaleRows.class), keys));
            }
            if (keys.size() < limit) {
                break;
            }
            after = keys.get(keys.size() - 1);
        }
        return deleted;
    }

    /** Stops the schedule; a run under way is interrupted (what it deleted so far stays deleted). */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
