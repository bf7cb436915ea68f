package org.roundtable.admin;

import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Moderator passwords, hashed with BCrypt (Spring Security's vetted implementation). */
public final class Passwords {

    public static final int MINIMUM_LENGTH = 10;
    private static final int STRENGTH = 11;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(STRENGTH);
    /** Checked against when the account does not exist, so timing does not tell which usernames do. */
    private final String decoy = encoder.encode("no such account, no such password");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, Optional<String> hash) {
        boolean matches = encoder.matches(password, hash.orElse(decoy));
        return hash.isPresent() && matches;
    }

    /** Why a new password is not acceptable, or empty when it is. */
    public static Optional<String> problemWith(String password, String confirmation) {
        if (password.length() < MINIMUM_LENGTH) {
            return Optional.of("Choose a password of at least " + MINIMUM_LENGTH + " characters.");
        }
        if (password.length() > 72) {
            return Optional.of("Choose a password of at most 72 characters.");
        }
        if (!password.equals(confirmation)) {
            return Optional.of("The two passwords do not match.");
        }
        return Optional.empty();
    }
}
