package org.roundtable.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Moderator passwords, hashed with BCrypt (Spring Security's vetted implementation). */
public final class Passwords {

    public static final int MINIMUM_LENGTH = 10;
    /** 2^11 rounds: about a tenth of a second a hash on a server, slow enough for guessing, quick for people. */
    public static final int DEFAULT_ROUNDS = 11;
    private static final int MAXIMUM_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    /**
     * Checked against when the account does not exist, so timing does not tell which usernames do. Made on
     * first use: hashing takes a tenth of a second, which start-up need not spend.
     */
    private volatile String decoy;

    /**
     * Hashes new passwords with 2^{@code rounds} rounds. A stored hash carries its own rounds, so changing them
     * keeps every existing password working; tests choose the fewest, as they sign in hundreds of times.
     */
    public Passwords(int rounds) {
        this.encoder = new BCryptPasswordEncoder(rounds);
    }

    /** {@code BCRYPT_ROUNDS} as written: a whole number from 4 to 31, as BCrypt allows. */
    public static int rounds(String value) {
        int rounds;
        try {
            rounds = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            rounds = -1;
        }
        if (rounds < 4 || rounds > 31) {
            throw new IllegalArgumentException("BCRYPT_ROUNDS must be a whole number from 4 to 31, got " + value);
        }
        return rounds;
    }

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
