package org.roundtable.antispam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.roundtable.author.Author;

/**
 * How often one browser, and one address, may post. Strict per browser (the real rule readers are told
 * about), loose per address: many readers share one address behind a carrier's NAT, so the address limit is
 * only a ceiling against floods. Each check reads or updates one row, however much was posted before.
 */
public final class FloodControl {

    private static final Duration HOUR = Duration.ofHours(1);

    /** Thrown inside the unit of work of a post, mark or report that would pass a limit, so that it is undone. */
    public static final class Flooded extends RuntimeException {
        private final Duration retryAfter;

        /** {@code retryAfter}: when the limit makes room again, if known (null otherwise). */
        public Flooded(String reason, Duration retryAfter) {
            super(reason, null, false, false);
            this.retryAfter = retryAfter;
        }

        /** When the limit makes room again, if known (null otherwise). */
        public Duration retryAfter() {
            return retryAfter;
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

    /**
     * Why this browser or address must wait before posting again, naming the limit that refuses and when it makes
     * room, or empty when they may post now.
     */
    public Optional<Flooded> refusal(PostQuotas quotas, Long authorId, String ipHash) {
        Instant now = clock.instant();
        Optional<PostQuotas.Quota> browser = authorId == null ? Optional.empty() : quotas.find(authorKey(authorId));
        if (browser.isPresent() && tooSoon(browser.get(), now)) {
            Instant intervalEnds = browser.get().lastPostAt().plus(rules.floodMinInterval());
            return Optional.of(new Flooded(tooSoon(), Duration.between(now, intervalEnds)));
        }
        if (browser.isPresent() && hourFull(browser.get(), rules.floodMaxPerHour(), now)) {
            return Optional.of(new Flooded(hourFull(rules.floodMaxPerHour()), untilHourEnds(browser.get(), now)));
        }
        Optional<PostQuotas.Quota> address = quotas.find(addressKey(ipHash));
        if (address.isPresent() && hourFull(address.get(), rules.floodAddressMaxPerHour(), now)) {
            return Optional.of(new Flooded("So many comments came from your network in the last hour that it has to pause. "
                    + "Please come back later; your text is still here.", untilHourEnds(address.get(), now)));
        }
        return Optional.empty();
    }

    /**
     * Counts a post against its browser and its address, or throws {@link Flooded} (naming the limit) when another
     * post got there first. Runs inside the writer's unit of work, which the exception undoes.
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
            throw refusal(quotas, authorId, ipHash).orElseGet(() -> new Flooded(tooSoon(), rules.floodMinInterval()));
        }
    }

    private static Duration untilHourEnds(PostQuotas.Quota quota, Instant now) {
        return Duration.between(now, quota.hourStartedAt().plus(HOUR));
    }

    /**
     * Counts a "helpful" mark (or its taking back) against its address, then against its browser, or throws
     * {@link Flooded} when either has reached its hourly limit: inside the mark's transaction, which the exception
     * undoes. {@code browser} gives the marking browser's author identity, and may create it: it is asked only once
     * the address had room, so a refused mark from a new browser does not even try to make one. Returns that author.
     */
    public Author takeMark(PostQuotas quotas, String ipHash, Supplier<Author> browser) {
        return takeHourly(quotas, "marks:", ipHash, browser, rules.marksMaxPerHour(), rules.marksAddressMaxPerHour(),
                "You have marked many comments in the last hour, which is the limit. Please come back later.");
    }

    /** Counts a report against its address, then its browser, as {@link #takeMark} counts a mark. */
    public Author takeReport(PostQuotas quotas, String ipHash, Supplier<Author> browser) {
        return takeHourly(quotas, "reports:", ipHash, browser, rules.reportsMaxPerHour(), rules.reportsAddressMaxPerHour(),
                "You have sent many reports in the last hour, which is the limit. Please come back later; "
                        + "your text is still here.");
    }

    private Author takeHourly(PostQuotas quotas, String kind, String ipHash, Supplier<Author> browser, int browserMax,
                            int addressMax, String refusal) {
        Instant now = clock.instant();
        Instant hourAgo = now.minus(HOUR);
        String address = kind + addressKey(ipHash);
        if (addressMax > 0 && quotas.take(address, now, now, hourAgo, addressMax) == 0) {
            throw new Flooded(refusal, retryAfter(quotas, address, now));
        }
        Author author = browser.get();
        String own = kind + authorKey(author.id());
        if (browserMax > 0 && quotas.take(own, now, now, hourAgo, browserMax) == 0) {
            throw new Flooded(refusal, retryAfter(quotas, own, now));
        }
        return author;
    }

    /** How long until a full hour's quota makes room again. */
    private static Duration retryAfter(PostQuotas quotas, String key, Instant now) {
        return quotas.find(key).map(quota -> Duration.between(now, quota.hourStartedAt().plus(HOUR))).orElse(HOUR);
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
