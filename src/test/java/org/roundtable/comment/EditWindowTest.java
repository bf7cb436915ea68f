package org.roundtable.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long an author may change their comment, in one place. */
class EditWindowTest {

    private final EditWindow fifteenMinutes = new EditWindow(Duration.ofMinutes(15));
    private final Instant posted = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void openUntilTheLastMomentAndShutFromThen() {
        assertThat(fifteenMinutes.isOpen(posted, posted)).isTrue();
        assertThat(fifteenMinutes.isOpen(posted, posted.plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
        assertThat(fifteenMinutes.isOpen(posted, posted.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void theQueryBoundAgreesWithTheRule() {
        Instant now = posted.plus(Duration.ofMinutes(10));
        assertThat(fifteenMinutes.openSince(now)).isEqualTo(posted.minus(Duration.ofMinutes(5)));
        Instant justInside = fifteenMinutes.openSince(now).plusMillis(1);
        assertThat(fifteenMinutes.isOpen(justInside, now)).isTrue();
        assertThat(fifteenMinutes.isOpen(fifteenMinutes.openSince(now), now)).isFalse();
        assertThat(fifteenMinutes.minutes()).isEqualTo(15);
    }

    @Test
    void theMinutesLeftAreCountedUpAndNoneOnceItHasShut() {
        assertThat(fifteenMinutes.minutesLeft(posted, posted)).isEqualTo(15);
        assertThat(fifteenMinutes.minutesLeft(posted, posted.plusSeconds(1))).as("14 min 59 s").isEqualTo(15);
        assertThat(fifteenMinutes.minutesLeft(posted, posted.plus(Duration.ofMinutes(3)))).isEqualTo(12);
        assertThat(fifteenMinutes.minutesLeft(posted, posted.plus(Duration.ofMinutes(15)).minusMillis(1))).isEqualTo(1);
        assertThat(fifteenMinutes.minutesLeft(posted, posted.plus(Duration.ofMinutes(15)))).isZero();
        assertThat(fifteenMinutes.minutesLeft(posted, posted.plus(Duration.ofHours(2)))).isZero();
    }
}
