package org.roundtable.antispam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.db.BothEngines;
import org.roundtable.db.Database;

@BothEngines
class PostQuotasTest {

    private static final Instant START = Instant.parse("2026-03-10T12:00:00.250Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int PER_HOUR = 3;

    private static TimeZone zoneBefore;

    private PostQuotas quotas;

    /**
     * The server's zone has daylight saving time, as many hosts' have: a quota counts instants, which no zone may
     * change. The zone is set before the database is opened, since the PostgreSQL driver gives each connection the
     * zone of its JVM.
     */
    @BeforeAll
    static void inAZoneWithDaylightSavingTime() {
        zoneBefore = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterAll
    static void backInTheZoneBefore() {
        TimeZone.setDefault(zoneBefore);
    }

    @BeforeEach
    void open(Database database) {
        quotas = database.jdbi().onDemand(PostQuotas.class);
    }

    @Test
    void aFirstPostStartsTheHour() {
        assertThat(quotas.find("author:1")).isEmpty();

        assertThat(take("author:1", START)).isEqualTo(1);

        assertThat(quotas.find("author:1")).contains(new PostQuotas.Quota(START, START, 1));
        assertThat(quotas.find("author:2")).isEmpty();
    }

    @Test
    void aPostWithinTheIntervalIsRefusedAndOneAtItsEndCounted() {
        take("author:1", START);

        assertThat(take("author:1", START.plus(INTERVAL).minusMillis(1))).isZero();
        assertThat(quotas.find("author:1")).contains(new PostQuotas.Quota(START, START, 1));

        assertThat(take("author:1", START.plus(INTERVAL))).isEqualTo(1);
        assertThat(quotas.find("author:1")).contains(new PostQuotas.Quota(START.plus(INTERVAL), START, 2));
    }

    @Test
    void aFullHourRefusesUntilItIsOverThenANewHourStarts() {
        for (int post = 0; post < PER_HOUR; post++) {
            assertThat(take("address:hash-1", START.plus(INTERVAL.multipliedBy(post)))).isEqualTo(1);
        }

        assertThat(take("address:hash-1", START.plus(HOUR).minusMillis(1))).isZero();
        assertThat(quotas.find("address:hash-1")).contains(new PostQuotas.Quota(START.plus(INTERVAL.multipliedBy(2)), START, 3));

        assertThat(take("address:hash-1", START.plus(HOUR))).isEqualTo(1);
        assertThat(quotas.find("address:hash-1")).contains(new PostQuotas.Quota(START.plus(HOUR), START.plus(HOUR), 1));
    }

    @Test
    void aPostTwentyMinutesAfterTheLastIsCountedThoughTheClocksWentBackBetweenThem() {
        Instant at0150Daylight = Instant.parse("2026-11-01T05:50:00Z");
        Instant at0110Standard = at0150Daylight.plus(Duration.ofMinutes(20));
        take("author:1", at0150Daylight);

        assertThat(take("author:1", at0110Standard)).isEqualTo(1);
        assertThat(quotas.find("author:1")).contains(new PostQuotas.Quota(at0110Standard, at0150Daylight, 2));
    }

    /** As FloodControl counts a post at {@code now}. */
    private int take(String key, Instant now) {
        return quotas.take(key, now, now.minus(INTERVAL), now.minus(HOUR), PER_HOUR);
    }
}
