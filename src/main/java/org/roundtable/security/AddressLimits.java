package org.roundtable.security;

import java.time.Duration;
import java.util.Map;

/**
 * What one address may have under way at once (see {@link AddressGate}); 0 switches a limit off.
 *
 * @param searches   searches at once; more are answered 429
 * @param previews   previews at once; more are answered 429
 * @param renders    pages rendered at once for one address (those not served from the cache); more wait in line
 * @param renderWait how long a page waits in that line before the answer is 503
 */
public record AddressLimits(int searches, int previews, int renders, Duration renderWait) {

    public static AddressLimits fromMap(Map<String, String> env) {
        return new AddressLimits(
                Integer.parseInt(env.getOrDefault("SEARCH_MAX_PER_ADDRESS", "2")),
                Integer.parseInt(env.getOrDefault("PREVIEW_MAX_PER_ADDRESS", "2")),
                Integer.parseInt(env.getOrDefault("RENDER_MAX_PER_ADDRESS", Integer.toString(halfTheCores()))),
                Duration.ofSeconds(10));
    }

    /**
     * One address may keep half the cores busy building pages: the other half is left to everyone else, which on a
     * two-core machine is what kept a reader answered while one client asked for personal pages without pause.
     */
    private static int halfTheCores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
