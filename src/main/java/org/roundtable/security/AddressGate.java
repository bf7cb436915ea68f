package org.roundtable.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many requests of one kind one address ({@link AddressKey}) may have under way at once. A search or a preview
 * costs the server far more than it costs the client to ask, so one client asking many at once could take every
 * core or database connection from everyone else; beyond the limit they are refused at once, or (pages being
 * rendered) wait in line for a while. Readers sharing an address each get their turn; the line only orders them.
 * A limit of 0 lets everything through.
 */
public final class AddressGate {

    /** Held while a request is under way; closing it lets the next request of that address in. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final Permit UNLIMITED = () -> { };

    /** The permits of one address, and how many requests hold or wait for them (guarded by the map's compute). */
    private static final class Line {
        final Semaphore permits;
        int users;

        Line(int max) {
            permits = new Semaphore(max, true);
        }
    }

    private final int max;
    private final Duration wait;
    private final Map<String, Line> lines = new ConcurrentHashMap<>();

    private AddressGate(int max, Duration wait) {
        this.max = max;
        this.wait = wait;
    }

    /** Beyond {@code max} at once, a request is refused without waiting. */
    public static AddressGate refusingBeyond(int max) {
        return new AddressGate(max, Duration.ZERO);
    }

    /** Beyond {@code max} at once, a request waits its turn for up to {@code wait}, then is refused. */
    public static AddressGate queueingBeyond(int max, Duration wait) {
        return new AddressGate(max, wait);
    }

    /** How long a refused client is told to wait before it asks again. */
    public Duration retryAfter() {
        return wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    /** A permit for a request from {@code address} (an {@link AddressKey} or its hash), or empty when refused. */
    public Optional<Permit> enter(String address) {
        if (max == 0) {
            return Optional.of(UNLIMITED);
        }
        Line line = lines.compute(address, (key, existing) -> {
            Line joined = existing == null ? new Line(max) : existing;
            joined.users++;
            return joined;
        });
        if (!acquire(line.permits)) {
            leave(address);
            return Optional.empty();
        }
        return Optional.of(() -> {
            line.permits.release();
            leave(address);
        });
    }

    /** How many addresses have requests under way or waiting, for the tests: lines are dropped when they empty. */
    int addressesInLine() {
        return lines.size();
    }

    private boolean acquire(Semaphore permits) {
        try {
            return wait.isZero() ? permits.tryAcquire() : permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void leave(String address) {
        lines.computeIfPresent(address, (key, line) -> --line.users == 0 ? null : line);
    }
}
