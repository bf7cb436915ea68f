package org.roundtable.discussion;

import java.util.Optional;

/** Comment ids as they arrive in URLs and forms: anything that is not a positive number matches nothing. */
public final class Ids {

    public static Optional<Long> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    private Ids() {}
}
