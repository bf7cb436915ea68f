package org.roundtable.accounts;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.security.IpHashes;
import org.roundtable.security.LoginThrottle;

/**
 * A moderator's sign-in: each attempt is counted by the {@link LoginThrottle} before its password is checked, a right
 * password forgets the account's failures, and the audit log records every sign-in and sign-out.
 */
public final class SignIns {

    /** What one attempt came to. */
    public sealed interface Attempt {
        /** Too many failures: {@code reason} says when to try again, which is {@code retryAfter} from now. */
        record Throttled(Duration retryAfter, String reason) implements Attempt {}

        record Mismatched() implements Attempt {}

        record Matched(Moderator moderator) implements Attempt {}
    }

    private final Jdbi jdbi;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final IpHashes ipHashes;
    private final AuditLog audit;

    public SignIns(Jdbi jdbi, Passwords passwords, LoginThrottle throttle, IpHashes ipHashes, AuditLog audit) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.throttle = throttle;
        this.ipHashes = ipHashes;
        this.audit = audit;
    }

    /**
     * Whether {@code password} signs in as {@code username}, tried from {@code clientAddress} on a device that signed
     * in as them before ({@code knownDevice}) or not.
     */
    public Attempt attempt(String username, String password, String clientAddress, boolean knownDevice) {
        if (throttle.attempt(username, ipHashes.of(clientAddress), knownDevice)
                instanceof LoginThrottle.Attempt.Refused refused) {
            long seconds = Math.max(1, refused.retryAfter().toSeconds());
            return new Attempt.Throttled(refused.retryAfter(), refused.retryAfter().compareTo(LoginThrottle.WINDOW) >= 0
                    ? "Too many failed sign-in attempts. Please try again in " + throttle.windowMinutes() + " minutes."
                    : "Too many failed sign-in attempts on this account. Please try again in " + seconds + " seconds.");
        }
        var moderators = jdbi.onDemand(ModeratorRepository.class);
        Optional<Moderator> moderator = moderators.findByUsername(username);
        if (!passwords.matches(password, moderators.passwordHash(username)) || moderator.isEmpty()) {
            return new Attempt.Mismatched();
        }
        throttle.succeeded(username);
        return new Attempt.Matched(moderator.get());
    }

    /** Records, once their session has started, that a moderator signed in. */
    public void signedIn(Actor moderator) {
        jdbi.useTransaction(handle -> audit.record(handle, moderator, "account.login", "moderator", moderator.id(), null, null));
    }

    public void signedOut(Actor moderator) {
        jdbi.useTransaction(handle -> audit.record(handle, moderator, "account.logout", "moderator", moderator.id(), null, null));
    }
}
