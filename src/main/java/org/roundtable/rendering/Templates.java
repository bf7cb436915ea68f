package org.roundtable.rendering;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IContext;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.serializer.StandardJavaScriptSerializer;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Thymeleaf, wired into Javalin's {@code ctx.render("feature/page", model)}; templates live in the jar. */
public final class Templates implements FileRenderer {

    private static final String HTML = "text/html; charset=utf-8";
    private static final int BUFFER_CHARS = 8_192;

    private final TemplateEngine engine = new TemplateEngine();

    private final Assets assets;
    private final Clock clock;

    /** {@code clock} dates each page, for the script that marks what is new since a reader's last visit. */
    public Templates(Assets assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        var dialect = new StandardDialect();
        // No template inlines JavaScript; left to itself, Thymeleaf finds Jackson on the class path and builds
        // an ObjectMapper for that while the first reader waits (a tenth of a second at start-up).
        dialect.setJavaScriptSerializer(new StandardJavaScriptSerializer(false));
        engine.setDialect(dialect);
        engine.addDialect(new HtmlDialect());
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        ctx.contentType(HTML);
        return engine.process(template, context(model));
    }

    /** Sends a page made by {@link #page}. */
    public void send(Context ctx, PageBuffer page) {
        ctx.contentType(HTML);
        try {
            page.writeTo(ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page as UTF-8 bytes, encoded as it renders: a page of a megabyte, held as text and then encoded, cost
     * more in copying and garbage collection than in rendering.
     */
    public PageBuffer page(String template, Map<String, ?> model) {
        var page = new PageBuffer();
        write(template, model, page);
        return page;
    }

    private void write(String template, Map<String, ?> model, OutputStream out) {
        // Buffered: a page arrives in thousands of pieces (tags, names, each comment's words), and an
        // OutputStreamWriter copies every string it is given into a new array before encoding it.
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        engine.process(template, context(model), writer);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IContext context(Map<String, ?> model) {
        var context = new org.thymeleaf.context.Context(Locale.ENGLISH);
        model.forEach(context::setVariable);
        context.setVariable("assets", assets);
        context.setVariable("renderedAt", Formats.iso(clock.instant()));
        return context;
    }
}
