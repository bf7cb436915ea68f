package org.roundtable.antispam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How often one browser, and one address, may post. Strict per browser (the real rule readers are told
 * about), loose per address: many readers share one address behind a carrier's NAT, so the address limit is
 * only a ceiling against floods. Each check reads or updates one row, however much was posted before.
 */
public final class FloodControl {

    private static final Duration HOUR = Duration.ofHours(1);

    /** Thrown inside the writer when a post would pass a limit, so that its unit of work is undone. */
    public static final class Flooded extends RuntimeException {
        public Flooded(String reason) {
            super(reason, null, false, false);
        }
    }

    private final SpamRules rules;
    private final Clock clock;

    public FloodControl(SpamRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * When a quota row can refuse nothing any more, and so may be forgotten: its hour started before
     * {@code hourStartedBy} (a post would start a new hour) and its last post was before {@code lastPostBy} (the
     * minimum interval is over too). Both inclusive, as {@link PostQuotas#take} counts them.
     */
    public record Forgettable(Instant hourStartedBy, Instant lastPostBy) {}

    public Forgettable forgettable(Instant now) {
        return new Forgettable(now.minus(HOUR), now.minus(rules.floodMinInterval()));
    }

    /** Why this browser or address must wait before posting again, or empty when they may post now. */
    public Optional<String> refusal(PostQuotas quotas, Long authorId, String ipHash) {
        Instant now = clock.instant();
        Optional<PostQuotas.Quota> browser = authorId == null ? Optional.empty() : quotas.find(authorKey(authorId));
        if (browser.isPresent() && tooSoon(browser.get(), now)) {
            return Optional.of(tooSoon());
        }
        if (browser.isPresent() && hourFull(browser.get(), rules.floodMaxPerHour(), now)) {
            return Optional.of(hourFull(rules.floodMaxPerHour()));
        }
        Optional<PostQuotas.Quota> address = quotas.find(addressKey(ipHash));
        if (address.isPresent() && hourFull(address.get(), rules.floodAddressMaxPerHour(), now)) {
            return Optional.of("So many comments came from your network in the last hour that it has to pause. "
                    + "Please come back later; your text is still here.");
        }
        return Optional.empty();
    }

    /**
     * Counts a post against its browser and its address, or throws {@link Flooded} when another post got
     * there first. Runs inside the writer's unit of work, which the exception undoes.
     */
    public void take(PostQuotas quotas, Long authorId, String ipHash) {
        Instant now = clock.instant();
        Instant hourAgo = now.minus(HOUR);
        boolean counted = (authorId == null || !limitsBrowsers()
                        || quotas.take(authorKey(authorId), now, now.minus(rules.floodMinInterval()), hourAgo,
                                ceiling(rules.floodMaxPerHour())) == 1)
                && (rules.floodAddressMaxPerHour() == 0
                        || quotas.take(addressKey(ipHash), now, now, hourAgo, rules.floodAddressMaxPerHour()) == 1);
        if (!counted) {
            throw new Flooded(tooSoon());
        }
    }

    /**
     * Counts a "helpful" mark (or its taking back) against its browser and its address, or throws {@link Flooded}
     * when either has reached its hourly limit: inside the mark's transaction, which the exception undoes.
     */
    public void takeMark(PostQuotas quotas, long authorId, String ipHash) {
        Instant now = clock.instant();
        Instant hourAgo = now.minus(HOUR);
        boolean counted = (rules.marksMaxPerHour() == 0
                        || quotas.take("marks:" + authorKey(authorId), now, now, hourAgo, rules.marksMaxPerHour()) == 1)
                && (rules.marksAddressMaxPerHour() == 0
                        || quotas.take("marks:" + addressKey(ipHash), now, now, hourAgo, rules.marksAddressMaxPerHour()) == 1);
        if (!counted) {
            throw new Flooded("You have marked many comments in the last hour, which is the limit. Please come back later.");
        }
    }

    private boolean limitsBrowsers() {
        return !rules.floodMinInterval().isZero() || rules.floodMaxPerHour() > 0;
    }

    /** With no interval set, never: a post stored a moment ago may carry a time a little after this check's. */
    private boolean tooSoon(PostQuotas.Quota quota, Instant now) {
        return !rules.floodMinInterval().isZero() && quota.lastPostAt().plus(rules.floodMinInterval()).isAfter(now);
    }

    private static boolean hourFull(PostQuotas.Quota quota, int max, Instant now) {
        return max > 0 && quota.hourStartedAt().plus(HOUR).isAfter(now) && quota.postsThisHour() >= max;
    }

    private String tooSoon() {
        return "You are posting too quickly. Please wait " + rules.floodMinInterval().toSeconds()
                + " seconds between comments; your text is still here.";
    }

    private static String hourFull(int max) {
        return "You have posted " + max + " comments in the last hour, which is the limit. Please come back later; "
                + "your text is still here.";
    }

    /** 0 switches a limit off. */
    private static int ceiling(int max) {
        return max == 0 ? Integer.MAX_VALUE : max;
    }

    private static String authorKey(long authorId) {
        return "author:" + authorId;
    }

    private static String addressKey(String ipHash) {
        return "address:" + ipHash;
    }
}
