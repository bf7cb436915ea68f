package org.roundtable.posting;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.RenderGate;
import org.roundtable.security.AddressGate;
import org.roundtable.security.AddressKey;

/**
 * Rendering a preview costs the server a parse of up to 10,000 characters of Markdown and costs the client one
 * request, so previews take their turn like pages do: a few at a time per address ({@code PREVIEW_MAX_PER_ADDRESS},
 * beyond which they are refused) and then the render gate every page passes.
 */
public final class PreviewRendering {

    private final CommentMarkdown markdown;
    private final RenderGate renderGate;
    private final AddressGate perAddress;

    public PreviewRendering(CommentMarkdown markdown, RenderGate renderGate, AddressGate perAddress) {
        this.markdown = markdown;
        this.renderGate = renderGate;
        this.perAddress = perAddress;
    }

    /** This request's turn to preview, or empty when its address has too many previews under way. */
    Optional<AddressGate.Permit> turn(Context ctx) {
        return perAddress.enter(AddressKey.of(ctx.ip()));
    }

    Duration retryAfter() {
        return perAddress.retryAfter();
    }

    /** The words as they would be shown; only for words within the posting limits. */
    String render(Context ctx, String body) {
        return renderGate.build(ctx, () -> markdown.toHtml(body));
    }
}
