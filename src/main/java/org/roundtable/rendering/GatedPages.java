package org.roundtable.rendering;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Big pages built from their templates in their turn at the {@link RenderGate}: their model is read and the page
 * rendered only once the gate lets them through, so the megabytes a page holds while it is built are held by no
 * more pages at once than the gate allows.
 */
public final class GatedPages {

    private final Templates templates;
    private final RenderGate gate;

    public GatedPages(Templates templates, RenderGate gate) {
        this.templates = templates;
        this.gate = gate;
    }

    /**
     * Builds a page in the server's line alone: the cache filling itself, for a request already in its address's
     * line, or warming up with none.
     */
    public PageBuffer build(String template, Supplier<? extends Map<String, ?>> model) {
        return gate.build(() -> templates.page(template, model.get()));
    }

    /** Builds a page for the request {@code ctx}, in its address's line and then in the server's, and sends it. */
    public void send(Context ctx, String template, Supplier<? extends Map<String, ?>> model) {
        templates.send(ctx, gate.build(ctx, () -> templates.page(template, model.get())));
    }
}
