package org.roundtable;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Everything Roundtable reads from its environment, with the defaults a fresh checkout runs with. */
public record Config(
        int port,
        String databaseUrl,
        Optional<Path> articlesDir,
        Optional<Path> staticDir,
        ZoneId timeZone) {

    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:data/roundtable.db";

    public static Config fromEnv() {
        return fromMap(System.getenv());
    }

    static Config fromMap(Map<String, String> env) {
        return new Config(
                Integer.parseInt(env.getOrDefault("PORT", "8080")),
                env.getOrDefault("DATABASE_URL", DEFAULT_DATABASE_URL),
                optionalPath(env.get("ARTICLES_DIR")),
                optionalPath(env.get("STATIC_DIR")),
                ZoneId.of(env.getOrDefault("TIME_ZONE", "UTC")));
    }

    /** A configuration for tests and tools: everything default except the database. */
    public static Config forDatabase(String databaseUrl) {
        return new Config(0, databaseUrl, Optional.empty(), Optional.empty(), ZoneId.of("UTC"));
    }

    private static Optional<Path> optionalPath(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
