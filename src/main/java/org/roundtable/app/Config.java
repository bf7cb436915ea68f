package org.roundtable.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.roundtable.accounts.Passwords;
import org.roundtable.antispam.SpamRules;
import org.roundtable.security.AddressLimits;
import org.roundtable.web.ServerLimits;

/** Everything Roundtable reads from its environment, with the defaults a fresh checkout runs with. */
public record Config(
        int port,
        String databaseUrl,
        Duration databaseBusyTimeout,
        Optional<Path> articlesDir,
        Optional<Path> staticDir,
        ZoneId timeZone,
        Optional<String> secretKey,
        boolean cookieSecure,
        boolean trustProxy,
        boolean renderCache,
        long renderCacheBytes,
        Optional<String> metricsToken,
        Optional<URI> publicUrl,
        Duration editWindow,
        int reportHideThreshold,
        Optional<String> adminPassword,
        Duration adminIdleTimeout,
        int loginMaxFailures,
        int bcryptRounds,
        SpamRules spamRules,
        AddressLimits addressLimits,
        ServerLimits serverLimits) {

    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:data/roundtable.db";

    /** Reads settings from {@code env}, the environment's variables by name (tests pass their own). */
    public static Config fromMap(Map<String, String> env) {
        return new Config(
                Integer.parseInt(env.getOrDefault("PORT", "8080")),
                env.getOrDefault("DATABASE_URL", DEFAULT_DATABASE_URL),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("DATABASE_BUSY_TIMEOUT_MS", "5000"))),
                optional(env.get("ARTICLES_DIR")).map(Path::of),
                optional(env.get("STATIC_DIR")).map(Path::of),
                ZoneId.of(env.getOrDefault("TIME_ZONE", "UTC")),
                optional(env.get("SECRET_KEY")),
                Boolean.parseBoolean(env.getOrDefault("COOKIE_SECURE", "false")),
                Boolean.parseBoolean(env.getOrDefault("TRUST_PROXY", "false")),
                Boolean.parseBoolean(env.getOrDefault("RENDER_CACHE", "true")),
                Long.parseLong(env.getOrDefault("RENDER_CACHE_MB", "64")) << 20,
                optional(env.get("METRICS_TOKEN")),
                optional(env.get("PUBLIC_URL")).map(Config::publicUrl),
                Duration.ofMinutes(Long.parseLong(env.getOrDefault("EDIT_WINDOW_MINUTES", "15"))),
                Integer.parseInt(env.getOrDefault("REPORT_HIDE_THRESHOLD", "3")),
                optional(env.get("ADMIN_PASSWORD")),
                Duration.ofMinutes(Long.parseLong(env.getOrDefault("ADMIN_IDLE_MINUTES", "120"))),
                Integer.parseInt(env.getOrDefault("LOGIN_MAX_FAILURES", "5")),
                Passwords.rounds(env.getOrDefault("BCRYPT_ROUNDS", String.valueOf(Passwords.DEFAULT_ROUNDS))),
                SpamRules.fromMap(env),
                AddressLimits.fromMap(env),
                ServerLimits.fromMap(env, Boolean.parseBoolean(env.getOrDefault("TRUST_PROXY", "false"))));
    }

    private static URI publicUrl(String value) {
        URI url = URI.create(value.strip());
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getRawAuthority() == null) {
            throw new IllegalArgumentException("PUBLIC_URL must be an http or https address such as https://forum.example.org, got " + value);
        }
        return url;
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
