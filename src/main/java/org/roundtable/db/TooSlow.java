package org.roundtable.db;

/** Work given a time limit ({@link Database#withinTime}) ran past it and was stopped. */
public final class TooSlow extends RuntimeException {
    TooSlow(Throwable cause) {
        super("Stopped at its time limit", cause);
    }
}
