package org.roundtable.posting;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.Supplier;
import org.roundtable.comment.Comment;
import org.roundtable.comment.Text;
import org.roundtable.pagecache.ChangedPages;
import org.roundtable.posting.Posters.Poster;
import org.roundtable.posting.Posters.SentPost;
import org.roundtable.security.AddressGate;
import org.roundtable.web.RetryAfter;

/**
 * Shows a comment as it would look before it is posted, rendered by the same safe Markdown as posted comments.
 * Without JavaScript the form's Preview button sends the form, and its page comes back with the preview above
 * the buttons ({@link TypedForms#showPreviewed}); with it, the script asks for the preview alone and shows it in place.
 *
 * <p>A preview is a post that is not stored: it meets the rules a post or an edit meets before anything is parsed
 * (the form's token and origin, the text limits, the lock, bans; see {@link PostingRules}), but takes no flood quota
 * and writes nothing. A refused preview comes back with the text as typed and the reason.
 */
public final class CommentPreviews {

    static final String TOO_MANY = "You asked for several previews at once. Please wait a moment and press Preview again; "
            + "your text is still here.";

    /** What a preview came to: the words as they would look, or why they are not shown. */
    public sealed interface Preview {
        record Shown(String html) implements Preview {}

        record Refused(int status, String reason) implements Preview {}
    }

    private final PostingRules checks;
    private final Posters posters;
    private final PreviewRendering rendering;

    public CommentPreviews(PostingRules checks, Posters posters, PreviewRendering rendering) {
        this.checks = checks;
        this.posters = posters;
        this.rendering = rendering;
    }

    /** Whether the form was sent with its Preview button rather than to be posted. */
    public static boolean asked(Context ctx) {
        return "yes".equals(ctx.formParam("preview"));
    }

    /** The preview alone, for the script to put in place; a refusal is a message it shows instead. */
    public void fragment(Context ctx) {
        ChangedPages.none(ctx);
        SentPost sent = posters.post(ctx);
        var model = new HashMap<String, Object>();
        Preview preview = ofPost(ctx, sent);
        if (preview instanceof Preview.Shown shown) {
            model.put("html", shown.html());
        } else if (preview instanceof Preview.Refused refused) {
            model.put("refusal", refused.reason());
            ctx.status(refused.status());
        }
        ctx.header("Cache-Control", "no-store");
        ctx.render("discussion/preview-answer", model);
    }

    /** An author's edit as it would look, with the checks an edit meets. */
    Preview ofEdit(Context ctx, Comment comment, String name, String body) {
        Poster poster = posters.of(ctx);
        return preview(ctx, poster, body, () -> checks.edit(comment, Text.name(name), Text.body(body), poster.address()));
    }

    /** A new comment as it would look, with the checks a post meets before it is planned. */
    Preview ofPost(Context ctx, SentPost sent) {
        Poster poster = sent.poster();
        return preview(ctx, poster, sent.form().body(),
                () -> checks.preview(sent.article(), sent.form(), poster.authorId(), poster.address()));
    }

    /**
     * The one order every preview follows: its turn, the form's token and origin, then (for words there are)
     * the rules, and only then the parse.
     */
    private Preview preview(Context ctx, Poster poster, String typedBody, Supplier<Optional<Outcome.Refused>> rules) {
        Optional<AddressGate.Permit> turn = rendering.turn(ctx);
        if (turn.isEmpty()) {
            RetryAfter.set(ctx, rendering.retryAfter());
            return new Preview.Refused(429, TOO_MANY);
        }
        try (AddressGate.Permit previewing = turn.get()) {
            if (!poster.token().isValid()) {
                return new Preview.Refused(poster.token().verdict().status(), poster.token().verdict().refusal());
            }
            String body = Text.body(typedBody);
            if (body.isEmpty()) {
                return new Preview.Shown("");
            }
            Optional<Outcome.Refused> refused = rules.get();
            if (refused.isPresent()) {
                return new Preview.Refused(refused.get().status(), refused.get().reason());
            }
            return new Preview.Shown(rendering.render(ctx, body));
        }
    }
}
