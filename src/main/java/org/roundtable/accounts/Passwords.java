package org.roundtable.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Moderator passwords, hashed with BCrypt (Spring Security's vetted implementation). */
public final class Passwords {

    public static final int MINIMUM_LENGTH = 10;
    private static final int STRENGTH = 11;
    private static final int MAXIMUM_BYTES = 72;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(STRENGTH);
    /**
     * Checked against when the account does not exist, so timing does not tell which usernames do. Made on
     * first use: hashing takes a tenth of a second, which start-up need not spend.
     */
    private volatile String decoy;

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** BCrypt reads only the first 72 bytes; a longer password could never have been set, so it never matches. */
    public boolean matches(String password, Optional<String> hash) {
        boolean fits = bytes(password) <= MAXIMUM_BYTES;
        boolean matches = encoder.matches(fits ? password : "", hash.orElseGet(this::decoy));
        return hash.isPresent() && fits && matches;
    }

    private String decoy() {
        if (decoy == null) {
            decoy = encoder.encode("no such account, no such password");
        }
        return decoy;
    }

    private static int bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Why a new password is not acceptable, or empty when it is. */
    public static Optional<String> problemWith(String password, String confirmation) {
        if (password.length() < MINIMUM_LENGTH) {
            return Optional.of("Choose a password of at least " + MINIMUM_LENGTH + " characters.");
        }
        if (bytes(password) > MAXIMUM_BYTES) {
            return Optional.of("Choose a shorter password: at most 72 bytes (72 letters of the Latin alphabet).");
        }
        if (!password.equals(confirmation)) {
            return Optional.of("The two passwords do not match.");
        }
        return Optional.empty();
    }
}
