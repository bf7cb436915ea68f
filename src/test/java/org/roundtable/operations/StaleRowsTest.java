package org.roundtable.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.TestContent;
import org.roundtable.antispam.BanRepository;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.comment.Comment;
import org.roundtable.comment.Discussion;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;
import org.roundtable.helpful.HelpfulRepository;
import org.roundtable.moderation.ReportRepository;
import org.roundtable.security.LoginThrottle;

@BothEngines
class StaleRowsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Instant HOUR_STARTED_BY = NOW.minus(Duration.ofHours(1));
    private static final Instant LAST_POST_BY = NOW.minus(INTERVAL);

    private Jdbi jdbi;
    private TestContent content;
    private StaleRows stale;

    @BeforeEach
    void open(Database database) {
        jdbi = database.jdbi();
        content = new TestContent(database);
        stale = jdbi.onDemand(StaleRows.class);
    }

    @Test
    void quotasWhoseHourAndIntervalAreBothOverAreFoundInKeyOrderAndForgotten() {
        var quotas = jdbi.onDemand(PostQuotas.class);
        takeQuota(quotas, "author:3", NOW.minus(Duration.ofHours(2)));
        takeQuota(quotas, "author:1", HOUR_STARTED_BY);
        takeQuota(quotas, "author:2", NOW.minus(Duration.ofMinutes(59)));
        takeQuota(quotas, "address:hash-1", NOW.minus(Duration.ofHours(3)));

        assertThat(stale.postQuotas("", HOUR_STARTED_BY, LAST_POST_BY, 10))
                .containsExactly("address:hash-1", "author:1", "author:3");
        assertThat(stale.postQuotas("address:hash-1", HOUR_STARTED_BY, LAST_POST_BY, 1)).containsExactly("author:1");

        takeQuota(quotas, "author:3", NOW);
        assertThat(stale.deletePostQuotas(List.of("author:1", "author:3"), HOUR_STARTED_BY, LAST_POST_BY))
                .as("one posted again since it was found").isEqualTo(1);
        assertThat(quotas.find("author:1")).isEmpty();
        assertThat(quotas.find("author:3")).isPresent();
    }

    @Test
    void signInFailuresOlderThanTheWindowAreFoundInIdOrderAndForgotten() {
        Instant countedSince = NOW.minus(LoginThrottle.WINDOW);
        long old = fail(countedSince.minusSeconds(60));
        long atTheEdge = fail(countedSince);
        long recent = fail(NOW);

        assertThat(stale.loginFailures(0, countedSince, 10)).containsExactly(old, atTheEdge);
        assertThat(stale.loginFailures(old, countedSince, 10)).containsExactly(atTheEdge);
        assertThat(stale.deleteLoginFailures(List.of(old, atTheEdge, recent), countedSince)).isEqualTo(2);
        assertThat(stale.loginFailures(0, NOW, 10)).containsExactly(recent);
    }

    @Test
    void moderatorSessionsIdleSinceTheTimeoutAreFoundInKeyOrderAndForgotten() {
        long moderator = content.moderator("parisa");
        Instant idleSince = NOW.minus(Duration.ofMinutes(30));
        session("b-idle", moderator, idleSince.minusSeconds(1));
        session("a-idle", moderator, idleSince);
        session("c-active", moderator, idleSince.plusMillis(1));

        assertThat(stale.adminSessions("", idleSince, 10)).containsExactly("a-idle", "b-idle");
        assertThat(stale.adminSessions("a-idle", idleSince, 10)).containsExactly("b-idle");
        assertThat(stale.deleteAdminSessions(List.of("a-idle", "b-idle", "c-active"), idleSince)).isEqualTo(2);
        assertThat(stale.adminSessions("", NOW, 10)).containsExactly("c-active");
    }

    @Test
    void authorIdentitiesNothingRefersToAreForgottenOnceADayOld() {
        Instant madeBy = NOW.minus(Duration.ofDays(1));
        Discussion proposal = content.proposal(content.article("alliance", "A shared port"), 1);
        Comment comment = content.comment(proposal).post();
        long unused = content.author(madeBy);
        long tooNew = content.author(madeBy.plusMillis(1));
        long commented = content.author(madeBy);
        content.comment(proposal).by(commented).post();
        long marked = content.author(madeBy);
        jdbi.useExtension(HelpfulRepository.class, helpful -> helpful.mark(comment.id(), marked, "hash", true, NOW, 0));
        long reported = content.author(madeBy);
        jdbi.useExtension(ReportRepository.class, reports -> reports.insert(comment.id(), reported, "hash", "spam", null, NOW));
        long banned = content.author(madeBy);
        jdbi.useExtension(BanRepository.class,
                bans -> bans.insert(banned, null, "rude", comment.id(), content.moderator("parisa"), NOW, null));
        long unusedToo = content.author(madeBy.minusSeconds(1));

        List<Long> found = stale.unusedAuthors(0, madeBy, 100);
        assertThat(found).containsExactly(unused, unusedToo).doesNotContain(tooNew, commented, marked, reported, banned);
        assertThat(stale.unusedAuthors(unused, madeBy, 100)).containsExactly(unusedToo);

        content.comment(proposal).by(unusedToo).post();
        assertThat(stale.deleteUnusedAuthors(List.of(unused, unusedToo, tooNew), madeBy))
                .as("one wrote a comment since it was found").isEqualTo(1);
        assertThat(stale.unusedAuthors(0, NOW, 100)).containsExactly(tooNew);
    }

    private static void takeQuota(PostQuotas quotas, String key, Instant at) {
        quotas.take(key, at, at.minus(INTERVAL), at.minus(Duration.ofHours(1)), 10);
    }

    /** A failed sign-in, as LoginThrottle records an attempt at {@code at}. */
    private long fail(Instant at) {
        var attempt = new LoginThrottle(jdbi, Clock.fixed(at, ZoneOffset.UTC), 100).attempt("admin", "guesser", false);
        return ((LoginThrottle.Attempt.Allowed) attempt).id();
    }

    /**
     * A session as AdminSessions keeps one for a signed-in browser; its repository is private to admin, and signing
     * in takes a request, so the row is written as that repository writes it.
     */
    private void session(String idHash, long moderatorId, Instant lastSeenAt) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO moderator_sessions (id_hash, moderator_id, csrf_token, created_at, last_seen_at)
                        VALUES (:idHash, :moderatorId, 'token', :at, :at)""")
                .bind("idHash", idHash).bind("moderatorId", moderatorId).bind("at", lastSeenAt).execute());
    }
}
