package org.roundtable.antispam;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.security.AddressHash;

/** Whether someone may post: an active ban on their author cookie or on their address says no. */
public final class Bans {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;

    public Bans(Jdbi jdbi, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
    }

    /** The reason this author (if known) or address may not post, in words for them; empty when they may. */
    public Optional<String> refusalFor(Long authorId, AddressHash address) {
        return jdbi.onDemand(BanRepository.class).active(authorId, address.key(), address.former(), clock.instant()).map(ban -> {
            String until = ban.expiresAt() == null ? "" : " until " + DATE.format(ban.expiresAt().atZone(zone));
            return "You cannot post here" + until + ". A moderator gave this reason: " + ban.reason();
        });
    }
}
