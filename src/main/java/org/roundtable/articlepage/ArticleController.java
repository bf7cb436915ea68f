package org.roundtable.articlepage;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roundtable.article.Article;
import org.roundtable.article.Articles;
import org.roundtable.comment.CommentPaths;
import org.roundtable.pagecache.PageCache;
import org.roundtable.rendering.GatedPages;
import org.roundtable.rendering.PageBuffer;
import org.roundtable.threads.CommentForm;
import org.roundtable.threads.DiscussionRequest;
import org.roundtable.viewer.Viewer;
import org.roundtable.viewer.Viewers;

/** The reader's way in: the list of articles and the article page. */
public final class ArticleController {

    /** A page with the reader's own comments or controls on it: never kept by a shared cache. */
    private static final String PERSONAL = "private, no-cache";

    private final Articles articles;
    private final ArticlePages pages;
    private final Viewers readers;
    private final PageCache cache;
    private final GatedPages gatedPages;

    public ArticleController(Articles articles, ArticlePages pages, Viewers readers, PageCache cache, GatedPages gatedPages) {
        this.articles = articles;
        this.pages = pages;
        this.readers = readers;
        this.cache = cache;
        this.gatedPages = gatedPages;
    }

    /** With a single article there is nothing to choose from, so readers go straight to it. */
    public void index(Context ctx) {
        List<Article> all = articles.all();
        if (all.size() == 1) {
            ctx.redirect(CommentPaths.article(all.get(0).slug()), HttpStatus.FOUND);
            return;
        }
        ctx.render("article/index", Map.of("articles", all));
    }

    /** Readers with nothing personal on the page share one cached rendering of it. */
    public void show(Context ctx) {
        String slug = ctx.pathParam("slug");
        // An unknown article is found out while rendering, which throws before anything is cached.
        if (seesSharedPage(ctx, slug)) {
            cache.serve(ctx, slug, CommentPaths.article(slug), () -> sharedArticle(slug));
            return;
        }
        render(ctx, slug, null);
    }

    /** Renders every article's shared page into the cache, so that the first reader after a start need not wait. */
    public void warm() {
        for (Article article : articles.all()) {
            cache.prime(article.slug(), CommentPaths.article(article.slug()), () -> sharedArticle(article.slug()));
        }
    }

    private PageBuffer sharedArticle(String slug) {
        return gatedPages.build("article/article", () -> articleModel(slug, readers.anonymous(), null));
    }

    /**
     * A discussion's own page: all of its threads, a page at a time, in the order the reader chose for it.
     * {@code after} says where the page starts, {@code page} only what it is called.
     */
    public void discussion(Context ctx) {
        String slug = ctx.pathParam("slug");
        String key = ctx.pathParam("discussion");
        DiscussionRequest request = DiscussionRequest.of(ctx);
        if (seesSharedPage(ctx, slug)) {
            cache.serve(ctx, slug, ctx.path() + request.cacheKey(), () -> gatedPages.build("article/discussion",
                    () -> discussionModel(slug, key, request, readers.anonymous(), null)));
            return;
        }
        renderDiscussion(ctx, slug, key, request, null);
    }

    /** Renders a discussion page for this reader; {@code typed} is a refused post to show again in its form, or null. */
    public void renderDiscussion(Context ctx, String slug, String key, DiscussionRequest request, CommentForm typed) {
        ctx.header("Cache-Control", PERSONAL);
        gatedPages.send(ctx, "article/discussion", () -> discussionModel(slug, key, request, readers.viewer(ctx), typed));
    }

    private boolean seesSharedPage(Context ctx, String slug) {
        return cache.isEnabled() && readers.seesSharedPage(ctx, slug);
    }

    private Map<String, Object> discussionModel(String slug, String key, DiscussionRequest request, Viewer viewer,
                                                CommentForm typed) {
        DiscussionPage page = pages.discussion(slug, key, request, viewer, typed)
                .orElseThrow(NotFoundResponse::new);
        var model = readers.pageModel();
        model.put("page", page);
        model.put("description", page.description());
        model.put("feeds", List.of(new Feed(CommentPaths.discussionFeed(page.article().slug(), page.view().key()),
                page.heading())));
        return model;
    }

    /** Renders the article page for this reader; {@code typed} is a post to show again in its form, or null. */
    public void render(Context ctx, String slug, CommentForm typed) {
        ctx.header("Cache-Control", PERSONAL);
        gatedPages.send(ctx, "article/article", () -> articleModel(slug, readers.viewer(ctx), typed));
    }

    private Map<String, Object> articleModel(String slug, Viewer viewer, CommentForm typed) {
        ArticlePage page = pages.find(slug, viewer, typed).orElseThrow(NotFoundResponse::new);
        var model = readers.pageModel();
        model.put("page", page);
        model.put("description", pages.description(page.article()));
        model.put("feeds", feeds(page));
        return model;
    }

    private static List<Feed> feeds(ArticlePage page) {
        String slug = page.article().slug();
        var feeds = new ArrayList<Feed>();
        feeds.add(new Feed(CommentPaths.article(slug) + "/comments.atom", "Newest comments on this article"));
        for (ArticlePage.ProposalView proposal : page.proposals()) {
            feeds.add(new Feed(CommentPaths.discussionFeed(slug, proposal.discussion().key()),
                    "Comments on proposal " + proposal.number()));
        }
        return feeds;
    }

    /** A feed offered to browsers and feed readers with {@code <link rel="alternate">}. */
    public record Feed(String href, String title) {}
}
