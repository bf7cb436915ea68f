package org.roundtable.antispam;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Hold;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.security.AddressHash;
import org.roundtable.security.FormTokens;

/**
 * Defences for posting without email. Floods are refused outright (the poster is told to wait); anything
 * that looks automated or matches the blocklist is still stored, held or marked spam, so a moderator can
 * rescue a false alarm and nothing is silently dropped.
 */
public final class SpamScreen {

    /** The hidden field people leave empty and form-filling robots do not. */
    public static final String HONEYPOT = "website";

    private final Jdbi jdbi;
    private final SpamRules rules;
    private final CommentMarkdown markdown;
    private final Clock clock;

    public SpamScreen(Jdbi jdbi, SpamRules rules, CommentMarkdown markdown, Clock clock) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.markdown = markdown;
        this.clock = clock;
    }

    public SpamRules rules() {
        return rules;
    }

    /** How a comment must wait because it looks like spam, and why; empty when it looks fine. */
    public Optional<Hold> screen(String honeypot, FormTokens.Check token, String name, String body, AddressHash address) {
        if (!honeypot.isEmpty()) {
            return Optional.of(new Hold(CommentStatus.SPAM, "Filled in the hidden field that only robots see"));
        }
        if (!token.isValid()) {
            return Optional.of(new Hold(CommentStatus.SPAM, "Sent without a valid form from this site"));
        }
        if (tooFast(token)) {
            return Optional.of(new Hold(CommentStatus.SPAM, "Sent within " + rules.minFillTime().toSeconds()
                    + " seconds of opening the form, faster than people write"));
        }
        return screenWords(name, body, address);
    }

    /**
     * The status words must wait in because of what they say (the blocklist, too many links), or empty: the
     * checks a comment's words pass on every path, an author's edit included. The blocklist reads the name too,
     * which every page shows beside the words.
     */
    public Optional<Hold> screenWords(String name, String body, AddressHash address) {
        Optional<Hold> listed = blocklisted(name + "\n" + body, address);
        if (listed.isPresent()) {
            return listed;
        }
        int links = rules.maxLinks() > 0 ? markdown.links(body) : 0;
        return links > rules.maxLinks()
                ? Optional.of(new Hold(CommentStatus.HELD, links + " links, more than the " + rules.maxLinks() + " allowed"))
                : Optional.empty();
    }

    private boolean tooFast(FormTokens.Check token) {
        return !rules.minFillTime().isZero() && token.issuedAt().plus(rules.minFillTime()).isAfter(clock.instant());
    }

    /**
     * The harshest verdict among the entries that match. Phrases are compared as they look, in the words as
     * typed and as they render (where character references such as {@code &#97;} have become letters).
     */
    private Optional<Hold> blocklisted(String body, AddressHash address) {
        List<BlockedEntry> entries = jdbi.onDemand(BlocklistRepository.class).all();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String typed = Lookalikes.skeleton(body);
        String shown = Lookalikes.skeleton(markdown.plainText(body));
        return entries.stream()
                .filter(entry -> entry.isPhrase()
                        ? typed.contains(Lookalikes.skeleton(entry.value())) || shown.contains(Lookalikes.skeleton(entry.value()))
                        : address.matches(entry.value()))
                .map(entry -> new Hold("spam".equals(entry.verdict()) ? CommentStatus.SPAM : CommentStatus.HELD,
                        entry.isPhrase() ? "Matches the blocked phrase \u201C" + entry.value() + "\u201D"
                                : "Sent from a blocked address"))
                .min(java.util.Comparator.comparing(hold -> hold.status() == CommentStatus.SPAM ? 0 : 1));
    }
}
