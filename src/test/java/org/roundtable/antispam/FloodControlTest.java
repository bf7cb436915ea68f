package org.roundtable.antispam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.TestDatabases;
import org.roundtable.db.Database;

/** The flood rules on the real quota table, without HTTP: which limit refuses, and when it makes room. */
class FloodControlTest {

    @TempDir
    Path folder;
    final MutableClock clock = new MutableClock();
    Database database;
    Jdbi jdbi;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.url(folder), Duration.ofSeconds(5));
        jdbi = database.jdbi();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aPostPastTheHourlyLimitWithNoIntervalNamesTheHourNotAZeroSecondWait() {
        var flood = new FloodControl(rules(Map.of("FLOOD_MIN_INTERVAL_SECONDS", "0", "FLOOD_MAX_PER_HOUR", "2")), clock);
        take(flood, 7L, "address");
        take(flood, 7L, "address");
        assertThatThrownBy(() -> take(flood, 7L, "address"))
                .isInstanceOfSatisfying(FloodControl.Flooded.class, refused -> {
                    assertThat(refused.getMessage()).contains("2 comments in the last hour").doesNotContain("0 seconds");
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(1));
                });
    }

    @Test
    void theAddressLimitNamesTheNetworkAndTheEndOfItsHour() {
        var flood = new FloodControl(rules(Map.of("FLOOD_MIN_INTERVAL_SECONDS", "0", "FLOOD_ADDRESS_MAX_PER_HOUR", "1")), clock);
        take(flood, 1L, "shared");
        clock.advance(Duration.ofMinutes(10));
        var refusal = jdbi.withHandle(h -> flood.refusal(h.attach(PostQuotas.class), 2L, "shared")).orElseThrow();
        assertThat(refusal.getMessage()).contains("from your network");
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(50));
    }

    private void take(FloodControl flood, Long author, String address) {
        jdbi.useTransaction(h -> flood.take(h.attach(PostQuotas.class), author, address));
    }

    private static SpamRules rules(Map<String, String> env) {
        var all = new java.util.HashMap<>(Map.of("FLOOD_MIN_INTERVAL_SECONDS", "0", "FLOOD_MAX_PER_HOUR", "0",
                "FLOOD_ADDRESS_MAX_PER_HOUR", "0"));
        all.putAll(env);
        return SpamRules.fromMap(all);
    }
}
