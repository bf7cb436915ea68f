package org.roundtable.antispam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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

    private PostQuotas quotas;

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

    /** As FloodControl counts a post at {@code now}. */
    private int take(String key, Instant now) {
        return quotas.take(key, now, now.minus(INTERVAL), now.minus(HOUR), PER_HOUR);
    }
}
