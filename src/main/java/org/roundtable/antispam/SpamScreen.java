package org.roundtable.antispam;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.discussion.CommentStatus;
import org.roundtable.security.FormTokens;

/**
 * Defences for posting without email. Floods are refused outright (the poster is told to wait); anything
 * that looks automated or matches the blocklist is still stored, held or marked spam, so a moderator can
 * rescue a false alarm and nothing is silently dropped.
 */
public final class SpamScreen {

    /** The hidden field people leave empty and form-filling robots do not. */
    public static final String HONEYPOT = "website";
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)");

    private final Jdbi jdbi;
    private final SpamRules rules;
    private final Clock clock;

    public SpamScreen(Jdbi jdbi, SpamRules rules, Clock clock) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.clock = clock;
    }

    public SpamRules rules() {
        return rules;
    }

    /** Why this author or address must wait before posting again, or empty when they may post now. */
    public Optional<String> flood(Long authorId, String ipHash) {
        var recent = jdbi.onDemand(RecentPostsRepository.class);
        Instant now = clock.instant();
        if (!rules.floodMinInterval().isZero()) {
            Instant latest = recent.latest(authorId, ipHash);
            if (latest != null && latest.plus(rules.floodMinInterval()).isAfter(now)) {
                return Optional.of("You are posting too quickly. Please wait " + rules.floodMinInterval().toSeconds()
                        + " seconds between comments; your text is still here.");
            }
        }
        if (rules.floodMaxPerHour() > 0 && recent.countSince(authorId, ipHash, now.minusSeconds(3600)) >= rules.floodMaxPerHour()) {
            return Optional.of("You have posted " + rules.floodMaxPerHour()
                    + " comments in the last hour, which is the limit. Please come back later; your text is still here.");
        }
        return Optional.empty();
    }

    /** The status a comment must wait in because it looks like spam, or empty when it looks fine. */
    public Optional<CommentStatus> screen(String honeypot, FormTokens.Check token, String body, String ipHash) {
        if (!honeypot.isEmpty() || !token.isValid() || tooFast(token)) {
            return Optional.of(CommentStatus.SPAM);
        }
        Optional<CommentStatus> listed = blocklisted(body, ipHash);
        if (listed.isPresent()) {
            return listed;
        }
        return rules.maxLinks() > 0 && links(body) > rules.maxLinks() ? Optional.of(CommentStatus.HELD) : Optional.empty();
    }

    static int links(String body) {
        Matcher matcher = LINK.matcher(body);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private boolean tooFast(FormTokens.Check token) {
        return !rules.minFillTime().isZero() && token.issuedAt().plus(rules.minFillTime()).isAfter(clock.instant());
    }

    /** The harshest verdict among the entries that match; phrases match case-insensitively. */
    private Optional<CommentStatus> blocklisted(String body, String ipHash) {
        String text = body.toLowerCase(Locale.ROOT);
        return jdbi.onDemand(BlocklistRepository.class).all().stream()
                .filter(entry -> entry.isPhrase()
                        ? text.contains(entry.value().toLowerCase(Locale.ROOT))
                        : entry.value().equals(ipHash))
                .map(entry -> "spam".equals(entry.verdict()) ? CommentStatus.SPAM : CommentStatus.HELD)
                .min(java.util.Comparator.comparing(status -> status == CommentStatus.SPAM ? 0 : 1));
    }
}
