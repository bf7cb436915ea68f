package org.roundtable.author;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.discussion.CommentMarkdown;
import org.roundtable.discussion.CommentPaths;
import org.roundtable.security.FormTokens;
import org.roundtable.web.Formats;
import org.roundtable.web.ReaderFacingError;

/**
 * The page behind an author's private link: their comments, a button that signs the browser in as their
 * author (so edits and deletions work there too), and the private feed of replies.
 */
public final class AuthorController {

    private final Jdbi jdbi;
    private final AuthorCookies cookies;
    private final FormTokens formTokens;
    private final Formats formats;
    private final CommentMarkdown markdown;
    private final Clock clock;
    private final Duration editWindow;

    public AuthorController(Jdbi jdbi, AuthorCookies cookies, FormTokens formTokens, Formats formats,
                            CommentMarkdown markdown, Clock clock, Duration editWindow) {
        this.jdbi = jdbi;
        this.cookies = cookies;
        this.formTokens = formTokens;
        this.formats = formats;
        this.markdown = markdown;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    /**
     * Lists the author's comments. Signing this browser in takes a click (a POST from this page): otherwise any
     * site could sign a visitor in as someone else with a hidden image, and then read and delete what they post.
     */
    public void show(Context ctx) {
        String token = ctx.pathParam("token");
        Author author = author(token);
        // The address is the key to this page: keep it out of other sites' Referer headers, caches and search
        // engines. "same-origin", not "no-referrer": with no-referrer Chromium sends this page's own form with
        // "Origin: null", and the same-origin check that guards every form would refuse the sign-in.
        ctx.header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex");
        List<OwnComment> comments = jdbi.onDemand(AuthorRepository.class).comments(author.id()).stream()
                .map(c -> new OwnComment(c, AuthoredComment.excerpt(markdown.plainText(c.body()).strip()),
                        formats.readable(c.createdAt()), clock.instant().isBefore(c.createdAt().plus(editWindow))))
                .toList();
        ctx.render("author/private", Map.of(
                "comments", comments,
                "path", "/authors/" + token,
                "signedIn", cookies.current(ctx).map(current -> current.id() == author.id()).orElse(false),
                "formToken", formTokens.issue(),
                "editMinutes", editWindow.toMinutes()));
    }

    /** Signs this browser in as the author of the private link, so their comments can be edited from here. */
    public void signIn(Context ctx) {
        String token = ctx.pathParam("token");
        Author author = author(token);
        if (!formTokens.check(ctx).isValid()) {
            throw new ReaderFacingError(HttpStatus.FORBIDDEN, "This form could not be verified. Please go back and try again.");
        }
        cookies.remember(ctx, author);
        ctx.redirect("/authors/" + token, HttpStatus.SEE_OTHER);
    }

    private Author author(String token) {
        return cookies.byPrivateLink(token).orElseThrow(() -> new ReaderFacingError(HttpStatus.NOT_FOUND,
                "This private link is not valid. Check that it was copied whole."));
    }

    /** A listed comment, the start of its words as plain text, and whether it can still be edited. */
    public record OwnComment(AuthoredComment comment, String excerpt, String readableTime, boolean changeable) {
        public String path() {
            return CommentPaths.comment(comment.articleSlug(), comment.id());
        }
    }
}
