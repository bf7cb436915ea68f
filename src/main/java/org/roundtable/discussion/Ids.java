package org.roundtable.discussion;

import java.util.Optional;

/**
 * Comment ids as they arrive in URLs and forms: anything that is not a positive number in ASCII digits matches
 * nothing (Java would read "١" as 1, and one comment would have many addresses).
 */
public final class Ids {

    public static Optional<Long> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    private Ids() {}
}
