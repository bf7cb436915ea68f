package org.roundtable.comparison;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import org.roundtable.article.Article;
import org.roundtable.article.Articles;
import org.roundtable.comment.CommentPaths;
import org.roundtable.pagecache.PageCache;
import org.roundtable.rendering.GatedPages;
import org.roundtable.rendering.PageDescription;

/**
 * The proposals of an article side by side ({@link ProposalComparisons}). Nothing on the page is personal, so every
 * reader gets the cached page, which goes stale with the article's other pages.
 */
public final class ComparisonController {

    private final Articles articles;
    private final ProposalComparisons comparisons;
    private final PageCache cache;
    private final GatedPages gatedPages;

    public ComparisonController(Articles articles, ProposalComparisons comparisons, PageCache cache, GatedPages gatedPages) {
        this.articles = articles;
        this.comparisons = comparisons;
        this.cache = cache;
        this.gatedPages = gatedPages;
    }

    public void show(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (cache.isEnabled()) {
            cache.serve(ctx, slug, CommentPaths.comparison(slug), () -> gatedPages.build("comparison/compare", () -> model(slug)));
        } else {
            gatedPages.send(ctx, "comparison/compare", () -> model(slug));
        }
    }

    private Map<String, Object> model(String slug) {
        Article article = articles.article(slug).orElseThrow(NotFoundResponse::new);
        return Map.of("article", article, "proposals", comparisons.of(article), "description", description(article));
    }

    /** What search engines show under the page's title. */
    private static String description(Article article) {
        return PageDescription.of("The proposals of \u201C" + article.title() + "\u201D side by side: where readers "
                + "stand on each, the strongest argument for and against it, and the state of the debate.");
    }
}
