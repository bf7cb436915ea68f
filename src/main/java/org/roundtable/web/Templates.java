package org.roundtable.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.util.FastStringWriter;

/** Thymeleaf, wired into Javalin's {@code ctx.render("feature/page", model)}; templates live in the jar. */
public final class Templates implements FileRenderer {

    private static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine = new TemplateEngine();

    private final Assets assets;
    private final Map<String, Integer> lastLength = new ConcurrentHashMap<>();

    public Templates(Assets assets) {
        this.assets = assets;
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        ctx.contentType(HTML);
        var context = new org.thymeleaf.context.Context(Locale.ENGLISH);
        model.forEach(context::setVariable);
        context.setVariable("assets", assets);
        // Sized like this template's last page: a megabyte-long article page otherwise grows from 100 characters
        // by doubling, copying itself a dozen times.
        var out = new FastStringWriter(lastLength.getOrDefault(template, 16_384) * 9 / 8);
        engine.process(template, context, out);
        String page = out.toString();
        lastLength.put(template, page.length());
        return page;
    }
}
