package org.roundtable.author;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.web.Personal;
import org.roundtable.web.ReaderFacingError;
import org.roundtable.security.Signer;
import org.roundtable.security.Tokens;

/**
 * Recognises authors by a signed cookie, so readers can edit their own words without an account.
 * A new author also gets a private link (shown once, stored as a hash) to do the same from another device.
 */
public final class AuthorCookies {

    static final String AUTHOR_COOKIE = "rt_author";
    /**
     * Carries a new author's private link, and the comment that brought it, to the pages that show that comment:
     * the link is stored only as a hash, so this is the reader's one chance to keep it.
     */
    static final String PRIVATE_LINK_COOKIE = "rt_private_link";
    /**
     * Says, for a few seconds, which comment this browser just marked helpful or took its mark back from: its next
     * page is rendered for it alone, showing the mark and the count as they now are, while everyone's cached page
     * catches up (see {@code PageCache.invalidateSoon}).
     */
    static final String RECENT_MARK_COOKIE = "rt_marked";
    private static final int RECENT_MARK_SECONDS = 10;
    private static final String PURPOSE = "author";
    private static final String PRIVATE_LINK_PURPOSE = "private-link";
    private static final String RECENT_MARK_PURPOSE = "recent-mark";
    /**
     * How far ahead of this server's clock a short-lived cookie's time may be: another instance behind the same
     * load balancer made it, and its clock may run a little ahead.
     */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /**
     * How long a replaced private link is remembered, so that opening it says it was replaced by a newer one (most
     * people who find an old link in their notes do so within weeks); after that it is simply not valid.
     */
    public static final Duration REPLACED_LINKS_KEPT = Duration.ofDays(30);
    static final String REPLACED_LINK = "This private link was replaced by a newer one. Use the newest link you were given, "
            + "or get a new one from the browser you posted from.";
    private static final int TWO_YEARS = (int) Duration.ofDays(730).toSeconds();
    private static final int TEN_MINUTES = (int) Duration.ofMinutes(10).toSeconds();

    private final Jdbi jdbi;
    private final Signer signer;
    private final Clock clock;
    private final boolean secure;

    public AuthorCookies(Jdbi jdbi, Signer signer, Clock clock, boolean secure) {
        this.jdbi = jdbi;
        this.signer = signer;
        this.clock = clock;
        this.secure = secure;
    }

    /**
     * Marks this answer as one that depends on the author cookie ({@code Vary: Cookie}, and private when a genuine one
     * came), without looking the author up: for answers that must not tell readers apart by their headers alone.
     */
    public void dependsOnCookie(Context ctx) {
        Personal.read(ctx, signer.verify(PURPOSE, ctx.cookie(AUTHOR_COOKIE)));
    }

    /** The author whose valid cookie came with this request, if any. */
    public Optional<Author> current(Context ctx) {
        return Personal.read(ctx, signer.verify(PURPOSE, ctx.cookie(AUTHOR_COOKIE))
                .flatMap(publicId -> jdbi.onDemand(AuthorRepository.class).findByPublicId(publicId)));
    }

    /** Stores a new author identity (the caller sets its cookie with {@link #remember}). */
    public Author create(AuthorRepository authors) {
        String publicId = Tokens.random();
        Instant now = clock.instant();
        // Until a private link is issued, the stored hash is of a token nobody was ever given.
        long id = authors.insert(publicId, Tokens.sha256(Tokens.random()), now);
        return new Author(id, publicId, now);
    }

    /**
     * Gives the author who asked for it a new private link in place of their old one, which is remembered as
     * replaced for {@link #REPLACED_LINKS_KEPT}. Returns the new link's token.
     */
    public String replacePrivateLink(AuthorRepository authors, Author author) {
        authors.retire(authors.manageTokenHash(author.id()), clock.instant());
        return newPrivateLink(authors, author);
    }

    /** Gives the author a new private link; any earlier link stops working. Returns the link's token. */
    public String newPrivateLink(AuthorRepository authors, Author author) {
        String privateLink = Tokens.random();
        authors.replaceManageTokenHash(author.id(), Tokens.sha256(privateLink));
        return privateLink;
    }

    /** Shows the private link beside {@code commentId} on the reader's pages for the next ten minutes. */
    public void showPrivateLink(Context ctx, long commentId, String privateLink) {
        ctx.cookie(cookie(PRIVATE_LINK_COOKIE,
                signer.sign(PRIVATE_LINK_PURPOSE, commentId + "." + clock.instant().getEpochSecond() + "." + privateLink), TEN_MINUTES));
    }

    /** Signs this browser in as {@code author}; used when someone opens their private link on another device. */
    public void remember(Context ctx, Author author) {
        ctx.cookie(cookie(AUTHOR_COOKIE, signer.sign(PURPOSE, author.publicId()), TWO_YEARS));
    }

    /** A private link waiting to be seen, and the comment it is shown beside. */
    public record WaitingLink(long commentId, String token) {}

    /**
     * The private link waiting in this browser, if any: for ten minutes, by this server's clock as well as by the
     * browser's, whose clock may be wrong.
     */
    public Optional<WaitingLink> waitingPrivateLink(Context ctx) {
        return Personal.read(ctx, fresh(ctx, PRIVATE_LINK_COOKIE, PRIVATE_LINK_PURPOSE, "[A-Za-z0-9_-]{43}", TEN_MINUTES)
                .map(parts -> new WaitingLink(Long.parseLong(parts[0]), parts[2])));
    }

    /** A "helpful" mark this browser just set ({@code marked}) or took back, on comment {@code commentId}. */
    public record RecentMark(long commentId, boolean marked) {}

    public void showRecentMark(Context ctx, RecentMark mark) {
        ctx.cookie(cookie(RECENT_MARK_COOKIE, signer.sign(RECENT_MARK_PURPOSE,
                mark.commentId() + "." + clock.instant().getEpochSecond() + "." + (mark.marked() ? 1 : 0)), RECENT_MARK_SECONDS));
    }

    /** The mark this browser set in the last few seconds, by this server's clock, if any. */
    public Optional<RecentMark> recentMark(Context ctx) {
        return Personal.read(ctx, fresh(ctx, RECENT_MARK_COOKIE, RECENT_MARK_PURPOSE, "[01]", RECENT_MARK_SECONDS)
                .map(parts -> new RecentMark(Long.parseLong(parts[0]), parts[2].equals("1"))));
    }

    /**
     * The parts of a short-lived cookie ({@code commentId.epochSecond.detail}, signed) that this server made within
     * the last {@code lifetimeSeconds}. Each makes the reader's next pages personal, rendered for them alone: one that
     * could be forged, or dated far ahead, would let anyone keep every page out of the shared cache.
     */
    private Optional<String[]> fresh(Context ctx, String name, String purpose, String detail, int lifetimeSeconds) {
        return signer.verify(purpose, ctx.cookie(name))
                .filter(value -> value.matches("[0-9]{1,18}\\.[0-9]{1,12}\\." + detail))
                .map(value -> value.split("\\."))
                .filter(parts -> {
                    Instant made = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                    Instant now = clock.instant();
                    return !made.isAfter(now.plus(CLOCK_SKEW)) && !now.isAfter(made.plusSeconds(lifetimeSeconds));
                });
    }

    /**
     * The author this private link belongs to, for every address under it (the page, its sign-in, its feed); or
     * why there is none: a link replaced by a newer one says so for {@link #REPLACED_LINKS_KEPT} (410), any other
     * is not valid (404). Both are private answers: the address itself is the secret.
     */
    public Author holderOfPrivateLink(Context ctx, String token) {
        ctx.header("Cache-Control", "private, no-store").header("X-Robots-Tag", "noindex");
        var authors = jdbi.onDemand(AuthorRepository.class);
        return authors.findByManageTokenHash(Tokens.sha256(token)).orElseThrow(() -> authors
                .retiredAt(Tokens.sha256(token), clock.instant().minus(REPLACED_LINKS_KEPT))
                .map(replaced -> new ReaderFacingError(HttpStatus.GONE, REPLACED_LINK))
                .orElseGet(() -> new ReaderFacingError(HttpStatus.NOT_FOUND,
                        "This private link is not valid. Check that it was copied whole.")));
    }

    private Cookie cookie(String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, "/", maxAgeSeconds, secure, true, null, SameSite.LAX);
    }
}
