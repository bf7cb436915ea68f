package org.roundtable.accounts;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.db.SettingsRepository;
import org.roundtable.security.Tokens;

/**
 * Getting into a fresh install: {@code ADMIN_PASSWORD} makes sure an account "admin" exists with that
 * password; with neither accounts nor that variable, a one-time setup link creates the first admin.
 */
public final class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final String SETUP_TOKEN_SETTING = "admin_setup_token_hash";

    private final Jdbi jdbi;
    private final Passwords passwords;
    private final AuditLog audit;
    private final Clock clock;

    public AdminBootstrap(Jdbi jdbi, Passwords passwords, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Run at start-up. Returns a setup token to show the operator when there is no way in yet; each start
     * makes a new one, so a link from an old log stops working.
     */
    public Optional<String> prepare(Optional<String> adminPassword) {
        if (adminPassword.isPresent()) {
            ensureAdmin(adminPassword.get());
            return Optional.empty();
        }
        if (jdbi.onDemand(ModeratorRepository.class).count() > 0) {
            return Optional.empty();
        }
        String token = Tokens.random();
        // The last instance to start sets the token: the link it prints is the one that works.
        jdbi.useExtension(SettingsRepository.class, settings -> settings.put(SETUP_TOKEN_SETTING, Tokens.sha256(token)));
        return Optional.of(token);
    }

    public boolean isValidSetupToken(String token) {
        return jdbi.onDemand(ModeratorRepository.class).count() == 0
                && jdbi.onDemand(SettingsRepository.class).find(SETUP_TOKEN_SETTING)
                        .map(hash -> hash.equals(Tokens.sha256(token))).orElse(false);
    }

    /** Creates the first admin and spends the token; empty if the token was not (or no longer) valid. */
    public Optional<Moderator> completeSetup(String token, String username, String password) {
        return jdbi.inTransaction(handle -> {
            if (!isValidSetupToken(token)) {
                return Optional.empty();
            }
            handle.attach(SettingsRepository.class).delete(SETUP_TOKEN_SETTING);
            var moderators = handle.attach(ModeratorRepository.class);
            long id = moderators.insert(username, passwords.hash(password), Role.ADMIN.dbValue(), clock.instant());
            audit.record(handle, Actor.SYSTEM, "account.setup", "moderator", id, null, username + " (admin)");
            return moderators.find(id);
        });
    }

    /** Creates an account from the command line; returns why it could not be, or empty when done. */
    public Optional<String> createAccount(String username, String password, boolean admin) {
        Optional<String> problem = Moderator.problemWithUsername(username).or(() -> Passwords.problemWith(password, password));
        if (problem.isPresent()) {
            return problem;
        }
        return jdbi.inTransaction(handle -> {
            var moderators = handle.attach(ModeratorRepository.class);
            if (moderators.usernameTaken(username)) {
                return Optional.of("the name is taken");
            }
            Role role = admin ? Role.ADMIN : Role.MODERATOR;
            long id = moderators.insert(username, passwords.hash(password), role.dbValue(), clock.instant());
            audit.record(handle, Actor.SYSTEM, "account.create", "moderator", id, null, username + " (" + role.dbValue() + "), from the command line");
            return Optional.empty();
        });
    }

    private void ensureAdmin(String password) {
        Passwords.problemWith(password, password).ifPresent(problem -> {
            throw new IllegalArgumentException("ADMIN_PASSWORD is not acceptable: " + problem);
        });
        // Nothing to write when the admin's password is already this one: a read-only database still starts.
        if (passwords.matches(password, jdbi.onDemand(ModeratorRepository.class).passwordHash(ADMIN))) {
            return;
        }
        String hash = passwords.hash(password);
        jdbi.useTransaction(handle -> {
            var moderators = handle.attach(ModeratorRepository.class);
            Optional<Moderator> admin = moderators.findByUsername(ADMIN);
            if (admin.isPresent()) {
                if (!passwords.matches(password, moderators.passwordHash(ADMIN))) {
                    moderators.setPasswordHash(admin.get().id(), hash);
                    audit.record(handle, Actor.SYSTEM, "account.password", "moderator", admin.get().id(), null, "from ADMIN_PASSWORD");
                }
            } else {
                // Instances started together from one configuration each try; one creates the account.
                moderators.insertIfAbsent(ADMIN, hash, Role.ADMIN.dbValue(), clock.instant()).ifPresent(id -> audit.record(
                        handle, Actor.SYSTEM, "account.create", "moderator", id, null, ADMIN + " (admin), from ADMIN_PASSWORD"));
            }
        });
    }
}
