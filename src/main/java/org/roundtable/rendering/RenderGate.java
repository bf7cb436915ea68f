package org.roundtable.rendering;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many big pages are built at once. An article page holds megabytes while it is read and rendered,
 * and 64 readers asking at once ran a 256 MB heap out of memory; the others now wait their turn, which costs
 * them little, since building a page keeps a core busy anyway.
 */
public final class RenderGate {

    private final Semaphore permits;

    public RenderGate(int permits) {
        this.permits = new Semaphore(permits, true);
    }

    /** Two pages per core are enough to keep every core busy. */
    public static RenderGate perCore() {
        return new RenderGate(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    }

    public <T> T build(Supplier<T> page) {
        permits.acquireUninterruptibly();
        try {
            return page.get();
        } finally {
            permits.release();
        }
    }
}
