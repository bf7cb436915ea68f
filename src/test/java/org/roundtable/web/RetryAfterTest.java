package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void wholeSecondsRoundedUpAndNeverZero() {
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo("1");
        assertThat(RetryAfter.seconds(Duration.ofMillis(14_200))).isEqualTo("15");
        assertThat(RetryAfter.seconds(Duration.ofSeconds(15))).isEqualTo("15");
        assertThat(RetryAfter.seconds(Duration.ofMinutes(50))).isEqualTo("3000");
    }
}
