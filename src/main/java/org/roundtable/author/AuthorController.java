package org.roundtable.author;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.discussion.CommentPaths;
import org.roundtable.web.Formats;
import org.roundtable.web.ReaderFacingError;

/**
 * The page behind an author's private link. Opening it on any device signs that browser in as the author,
 * so edits and deletions work there too, and it offers the private feed of replies.
 */
public final class AuthorController {

    private final Jdbi jdbi;
    private final AuthorCookies cookies;
    private final Formats formats;
    private final Clock clock;
    private final Duration editWindow;

    public AuthorController(Jdbi jdbi, AuthorCookies cookies, Formats formats, Clock clock, Duration editWindow) {
        this.jdbi = jdbi;
        this.cookies = cookies;
        this.formats = formats;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    public void show(Context ctx) {
        String token = ctx.pathParam("token");
        Author author = cookies.byPrivateLink(token).orElseThrow(() -> new ReaderFacingError(HttpStatus.NOT_FOUND,
                "This private link is not valid. Check that it was copied whole."));
        cookies.remember(ctx, author);
        // The address is the key to this page: keep it out of Referer headers, caches and search engines.
        ctx.header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex");
        List<OwnComment> comments = jdbi.onDemand(AuthorRepository.class).comments(author.id()).stream()
                .map(c -> new OwnComment(c, formats.readable(c.createdAt()),
                        clock.instant().isBefore(c.createdAt().plus(editWindow))))
                .toList();
        ctx.render("author/private", Map.of(
                "comments", comments,
                "feedPath", "/authors/" + token + "/replies.atom",
                "editMinutes", editWindow.toMinutes()));
    }

    /** A listed comment, with whether it can still be edited. */
    public record OwnComment(AuthoredComment comment, String readableTime, boolean changeable) {
        public String path() {
            return CommentPaths.comment(comment.articleSlug(), comment.id());
        }
    }
}
