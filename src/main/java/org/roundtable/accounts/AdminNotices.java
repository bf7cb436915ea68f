package org.roundtable.accounts;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.roundtable.security.Signer;

/**
 * What an admin action tells the page it redirects to ("Comment 12 edited."): it travels in that page's address,
 * signed for the session that acted and for a few minutes, so neither a link from elsewhere nor an old address
 * copied into another session (a chat, a ticket) can put words on a moderator's page.
 */
public final class AdminNotices {

    /** Long enough for the redirect and a reload; an address opened later shows the page without the notice. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Signer signer;
    private final Clock clock;

    public AdminNotices(Signer signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * {@code address} with {@code value} signed into its query as {@code name}, for the session of this request;
     * a fragment stays at the end.
     */
    public String addTo(Context ctx, String address, String name, String value) {
        int hash = address.indexOf('#');
        String path = hash < 0 ? address : address.substring(0, hash);
        String fragment = hash < 0 ? "" : address.substring(hash);
        String signed = signer.sign(purpose(ctx, name), clock.instant().getEpochSecond() + ":" + value);
        return path + (path.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(signed, StandardCharsets.UTF_8)
                + fragment;
    }

    /** The value of query parameter {@code name}, if this site signed it under that name, for this session, lately. */
    public Optional<String> read(Context ctx, String name) {
        return signer.verify(purpose(ctx, name), ctx.queryParam(name)).flatMap(this::fresh);
    }

    private Optional<String> fresh(String stamped) {
        int colon = stamped.indexOf(':');
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(stamped.substring(0, colon)));
            return signedAt.plus(LIFETIME).isBefore(clock.instant()) ? Optional.empty() : Optional.of(stamped.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The session's key is in what is signed, not in the address, which browsers keep in their history. */
    private static String purpose(Context ctx, String name) {
        return "admin-notice:" + name + ":" + AdminGate.session(ctx).idHash();
    }
}
