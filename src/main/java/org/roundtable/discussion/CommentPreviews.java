package org.roundtable.discussion;

import io.javalin.http.Context;
import java.util.Map;
import org.roundtable.pagecache.ChangedPages;

/**
 * Shows a comment as it would look before it is posted, rendered by the same safe Markdown as posted comments.
 * Without JavaScript the form's Preview button sends the form, and its page comes back with the preview above
 * the buttons; with it, the script asks for the preview alone and shows it in place.
 */
public final class CommentPreviews {

    private final CommentLookup lookup;
    private final CommentMarkdown markdown;
    private final TypedForms typedForms;

    public CommentPreviews(CommentLookup lookup, CommentMarkdown markdown, TypedForms typedForms) {
        this.lookup = lookup;
        this.markdown = markdown;
        this.typedForms = typedForms;
    }

    /** Whether the form was sent with its Preview button rather than to be posted. */
    public static boolean asked(Context ctx) {
        return "yes".equals(ctx.formParam("preview"));
    }

    /** The words as they would be shown: empty for none. */
    public String render(String typedBody) {
        String body = Text.body(typedBody);
        return body.isEmpty() ? "" : markdown.toHtml(body);
    }

    /** The page the form was sent from, again, with what was typed and its preview. */
    public void showWithForm(Context ctx) {
        ChangedPages.none(ctx);
        CommentForm form = CommentForm.from(ctx);
        typedForms.showAgain(ctx, lookup.article(ctx), form.previewed(render(form.body())), 200);
    }

    /** The preview alone, for the script to put in place. */
    public void fragment(Context ctx) {
        lookup.article(ctx);
        ChangedPages.none(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.render("discussion/preview-answer", Map.of("html", render(ctx.formParam("body"))));
    }
}
