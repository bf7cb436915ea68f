package org.roundtable.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How many requests of one kind an address may have under way at once. */
class AddressGateTest {

    @Test
    void beyondItsLimitAnAddressIsRefusedWhileOthersPass() {
        var gate = AddressGate.refusingBeyond(2);
        var first = gate.enter("203.0.113.1");
        var second = gate.enter("203.0.113.1");
        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(gate.enter("203.0.113.1")).isEmpty();
        assertThat(gate.enter("203.0.113.2")).as("another address").isPresent().get().satisfies(AddressGate.Permit::close);

        first.get().close();
        Optional<AddressGate.Permit> third = gate.enter("203.0.113.1");
        assertThat(third).as("a finished request makes room").isPresent();
        second.get().close();
        third.get().close();
        assertThat(gate.addressesInLine()).as("nothing kept for addresses with nothing under way").isZero();
    }

    @Test
    void aQueueingGateLetsTheNextInWhenOneFinishes() throws Exception {
        var gate = AddressGate.queueingBeyond(1, Duration.ofSeconds(5));
        AddressGate.Permit first = gate.enter("2001:db8::/64").orElseThrow();
        var waiting = CompletableFuture.supplyAsync(() -> gate.enter("2001:db8::/64"));
        Thread.sleep(200);
        assertThat(waiting).as("waits its turn").isNotDone();
        first.close();
        Optional<AddressGate.Permit> next = waiting.get(2, TimeUnit.SECONDS);
        assertThat(next).isPresent();
        next.get().close();
        assertThat(gate.addressesInLine()).isZero();
    }

    @Test
    void aQueueingGateRefusesAfterWaitingItsLongest() {
        var gate = AddressGate.queueingBeyond(1, Duration.ofMillis(100));
        AddressGate.Permit first = gate.enter("203.0.113.1").orElseThrow();
        long started = System.nanoTime();
        assertThat(gate.enter("203.0.113.1")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        first.close();
        assertThat(gate.addressesInLine()).isZero();
    }

    @Test
    void zeroSwitchesTheLimitOff() {
        var gate = AddressGate.refusingBeyond(0);
        for (int i = 0; i < 100; i++) {
            assertThat(gate.enter("203.0.113.1")).isPresent();
        }
    }
}
