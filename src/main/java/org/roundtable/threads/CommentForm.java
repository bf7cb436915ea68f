package org.roundtable.threads;

import io.javalin.http.Context;
import java.util.List;
import java.util.stream.Collectors;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.Sort;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Text;
import org.roundtable.web.Forms;

/**
 * What a reader typed into a comment form, kept whole so a refused post can be shown again as typed.
 * {@code sort} is the order of the discussion page the form was sent from ({@code ""} from anywhere else), so the
 * reader lands back on that page; {@code stance} the stance chosen, as sent ({@code ""} for none); {@code error} is the plain-language reason it was refused, or null;
 * {@code previewHtml} the comment as it would look, when the reader asked for a preview, or null.
 */
public record CommentForm(String discussionKey, String parentId, String name, String body, String stance, String sort,
                          String error, String previewHtml) {

    public static final int MAX_NAME_LENGTH = 80;
    public static final int MAX_BODY_LENGTH = 10_000;

    public static CommentForm from(Context ctx) {
        return new CommentForm(
                Forms.field(ctx, "discussion"),
                Forms.field(ctx, "parent"),
                Forms.field(ctx, "name"),
                Forms.field(ctx, "body"),
                Forms.field(ctx, "stance"),
                Forms.field(ctx, "sort"),
                null,
                null);
    }

    public static CommentForm blank(String discussionKey, Long parentId) {
        return new CommentForm(discussionKey, parentId == null ? "" : parentId.toString(), "", "", "", "", null, null);
    }

    /** The longest part of a comment a reply quotes whole; longer ones are cut there. */
    static final int LONGEST_QUOTE = 2_000;

    /** A reply form that opens with {@code words} quoted, as Markdown, and a blank line to write under. */
    public CommentForm quoting(String words) {
        String cut = Text.length(words) > LONGEST_QUOTE ? Text.excerpt(words, LONGEST_QUOTE) : words;
        String quote = cut.strip().lines().map(line -> line.isBlank() ? ">" : "> " + line).collect(Collectors.joining("\n"));
        return new CommentForm(discussionKey, parentId, name, quote + "\n\n", stance, sort, error, previewHtml);
    }

    public CommentForm refused(String reason) {
        return new CommentForm(discussionKey, parentId, name, body, stance, sort, reason, null);
    }

    /** The form as typed, with the comment as it would look. */
    public CommentForm previewed(String html) {
        return new CommentForm(discussionKey, parentId, name, body, stance, sort, null, html);
    }

    /** The same text as a new top-level comment: where a reply goes when its parent is gone. */
    public CommentForm asTopLevel() {
        return new CommentForm(discussionKey, "", name, body, stance, sort, error, previewHtml);
    }

    public CommentForm inDiscussion(String key) {
        return new CommentForm(key, parentId, name, body, stance, sort, error, previewHtml);
    }

    /** The form as sent from the discussion's own page read in {@code order}. */
    public CommentForm fromDiscussionPage(Sort order) {
        return new CommentForm(discussionKey, parentId, name, body, stance, order.queryValue(), error, previewHtml);
    }

    /** Whether it was sent from a discussion's own page rather than from under the article. */
    public boolean sentFromDiscussionPage() {
        return !sort.isBlank();
    }

    /** Whether the form offers a stance: a new top-level comment on a proposal. */
    public boolean offersStance() {
        return !isReply() && discussionKey.startsWith(Discussion.PROPOSAL_PREFIX);
    }

    /** The stances a reader may choose, in the order the form offers them. */
    public List<Stance> stanceChoices() {
        return List.of(Stance.values());
    }

    /** Whether {@code value} is the stance chosen, for the radio button that sends it. */
    public boolean hasStance(String value) {
        return stance.equals(value);
    }

    public boolean isReply() {
        return !parentId.isBlank();
    }

    /** Whether this form is the one for {@code key} (and, for a reply, for that parent comment). */
    public boolean isFor(String key, Long parent) {
        return discussionKey.equals(key) && parentId.equals(parent == null ? "" : parent.toString());
    }
}
