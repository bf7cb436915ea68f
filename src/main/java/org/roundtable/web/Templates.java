package org.roundtable.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Thymeleaf, wired into Javalin's {@code ctx.render("feature/page", model)}; templates live in the jar. */
public final class Templates implements FileRenderer {

    private static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine = new TemplateEngine();

    private final Assets assets;

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
        return engine.process(template, context);
    }
}
