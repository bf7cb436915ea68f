package org.roundtable.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.db.SettingsRepository;

/**
 * The key that signs author cookies and form tokens. It comes from {@code SECRET_KEY}, or is generated once
 * and kept in the database, so a restart does not sign every author out.
 */
public final class ServerSecret {

    static final String SETTING = "secret_key";
    private static final int MINIMUM_LENGTH = 16;

    private ServerSecret() {}

    public static byte[] load(Optional<String> configured, Jdbi jdbi) {
        if (configured.isPresent()) {
            if (configured.get().length() < MINIMUM_LENGTH) {
                throw new IllegalArgumentException("SECRET_KEY must be at least " + MINIMUM_LENGTH + " characters long");
            }
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        // Read first: a server whose secret exists starts on a database it cannot write.
        String stored = jdbi.withExtension(SettingsRepository.class, settings -> settings.find(SETTING))
                .orElseGet(() -> jdbi.inTransaction(handle -> {
                    var settings = handle.attach(SettingsRepository.class);
                    settings.insertIfAbsent(SETTING, Tokens.random());
                    return settings.find(SETTING).orElseThrow();
                }));
        return Base64.getUrlDecoder().decode(stored);
    }
}
