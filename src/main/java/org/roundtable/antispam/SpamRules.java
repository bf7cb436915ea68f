package org.roundtable.antispam;

import java.time.Duration;
import java.util.Map;

/**
 * The thresholds of the spam defences, each from an environment variable; 0 switches a time or rate limit
 * off (load tests need that). Defaults follow WordPress: one comment per 15 seconds, 30 an hour, from one
 * browser; ten times as many an hour from one address, which many readers may share. "Helpful" marks are
 * cheaper and more frequent: 200 an hour from one browser, 2,000 from one address. Reports are rarer than
 * comments and each lands in a moderator's queue: 10 an hour from one browser, 100 from one address. A comment's
 * helpful count takes at most 3 marks from one address: a browser without a cookie is a new browser, so counting
 * per browser alone let one address put any comment on top.
 */
public record SpamRules(
        Duration minFillTime,
        Duration floodMinInterval,
        int floodMaxPerHour,
        int floodAddressMaxPerHour,
        int maxLinks,
        Duration duplicateWindow,
        int marksMaxPerHour,
        int marksAddressMaxPerHour,
        int reportsMaxPerHour,
        int reportsAddressMaxPerHour,
        int helpfulMarksPerAddress) {

    public static SpamRules fromMap(Map<String, String> env) {
        return new SpamRules(
                Duration.ofSeconds(number(env, "SPAM_MIN_FILL_SECONDS", 3)),
                Duration.ofSeconds(number(env, "FLOOD_MIN_INTERVAL_SECONDS", 15)),
                (int) number(env, "FLOOD_MAX_PER_HOUR", 30),
                (int) number(env, "FLOOD_ADDRESS_MAX_PER_HOUR", 300),
                (int) number(env, "SPAM_MAX_LINKS", 2),
                Duration.ofSeconds(number(env, "DUPLICATE_WINDOW_SECONDS", 600)),
                (int) number(env, "HELPFUL_MAX_PER_HOUR", 200),
                (int) number(env, "HELPFUL_ADDRESS_MAX_PER_HOUR", 2_000),
                (int) number(env, "REPORT_MAX_PER_HOUR", 10),
                (int) number(env, "REPORT_ADDRESS_MAX_PER_HOUR", 100),
                (int) number(env, "HELPFUL_MARKS_PER_ADDRESS", 3));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long number = Long.parseLong(value.strip());
        if (number < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, got " + number);
        }
        return number;
    }
}
