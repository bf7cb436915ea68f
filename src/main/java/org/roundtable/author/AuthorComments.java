package org.roundtable.author;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.EditWindow;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.Formats;

/**
 * What the page behind an author's private link lists: each of their comments, the start of its words as plain
 * text, when it was posted, and whether the edit window still lets them change it.
 */
public final class AuthorComments {

    /** A listed comment, the start of its words as plain text, and whether it can still be edited. */
    public record OwnComment(AuthoredComment comment, String excerpt, String readableTime, boolean changeable) {
        public String path() {
            return CommentPaths.comment(comment.articleSlug(), comment.id());
        }
    }

    private final Jdbi jdbi;
    private final CommentMarkdown markdown;
    private final Formats formats;
    private final Clock clock;
    private final EditWindow editWindow;

    public AuthorComments(Jdbi jdbi, CommentMarkdown markdown, Formats formats, Clock clock, EditWindow editWindow) {
        this.jdbi = jdbi;
        this.markdown = markdown;
        this.formats = formats;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    public List<OwnComment> of(Author author) {
        return jdbi.onDemand(AuthorRepository.class).comments(author.id()).stream()
                .map(c -> new OwnComment(c, AuthoredComment.excerpt(markdown.plainText(c.body()).strip()),
                        formats.readable(c.createdAt()), editWindow.isOpen(c.createdAt(), clock.instant())))
                .toList();
    }

    /** The ids of this author's comments on an article (see {@link AuthorRepository#commentIdsOn}). */
    public List<Long> idsOn(Author author, long articleId) {
        return jdbi.onDemand(AuthorRepository.class).commentIdsOn(author.id(), articleId);
    }

    /** How long after posting a comment can be changed, as the page tells its author. */
    public long editMinutes() {
        return editWindow.minutes();
    }
}
