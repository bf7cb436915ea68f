package org.roundtable.article;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;

/** The reader's way in: the list of articles and the article page. */
public final class ArticleController {

    private final ArticlePages pages;

    public ArticleController(ArticlePages pages) {
        this.pages = pages;
    }

    /** With a single article there is nothing to choose from, so readers go straight to it. */
    public void index(Context ctx) {
        List<Article> articles = pages.all();
        if (articles.size() == 1) {
            ctx.redirect(path(articles.get(0)), HttpStatus.FOUND);
            return;
        }
        ctx.render("article/index", Map.of("articles", articles));
    }

    public void show(Context ctx) {
        ArticlePage page = pages.find(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        ctx.render("article/article", Map.of("page", page));
    }

    public static String path(Article article) {
        return "/articles/" + article.slug();
    }
}
