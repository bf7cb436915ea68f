package org.roundtable.summary;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.article.ArticlePages;
import org.roundtable.discussion.Discussion;
import org.roundtable.discussion.DiscussionRepository;
import org.roundtable.discussion.Ids;

/** The public history of a proposal's summary: every revision, with its date and who wrote it, each viewable. */
public final class SummaryController {

    private final ArticlePages articles;
    private final Jdbi jdbi;
    private final SummaryViews views;

    public SummaryController(ArticlePages articles, Jdbi jdbi, SummaryViews views) {
        this.articles = articles;
        this.jdbi = jdbi;
        this.views = views;
    }

    /** A revision in the history's list: its view, and its own address. */
    public record Revision(SummaryView view, String path) {}

    public void history(Context ctx) {
        Article article = article(ctx);
        Discussion discussion = proposal(ctx, article);
        List<Revision> revisions = jdbi.onDemand(SummaryRepository.class).history(discussion.id()).stream()
                .map(summary -> new Revision(views.view(summary, article.slug(), discussion.key()),
                        SummaryViews.revisionPath(article.slug(), discussion.key(), summary.id())))
                .toList();
        ctx.render("summary/history", Map.of("article", article, "discussion", discussion, "revisions", revisions));
    }

    public void revision(Context ctx) {
        Article article = article(ctx);
        Discussion discussion = proposal(ctx, article);
        Summary summary = Ids.parse(ctx.pathParam("id"))
                .flatMap(id -> jdbi.onDemand(SummaryRepository.class).revision(discussion.id(), id))
                .orElseThrow(NotFoundResponse::new);
        ctx.render("summary/revision", Map.of("article", article, "discussion", discussion,
                "summary", views.view(summary, article.slug(), discussion.key())));
    }

    private Article article(Context ctx) {
        return articles.article(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    }

    private Discussion proposal(Context ctx, Article article) {
        return jdbi.onDemand(DiscussionRepository.class).find(article.id(), ctx.pathParam("discussion"))
                .filter(discussion -> !discussion.isGeneral())
                .orElseThrow(NotFoundResponse::new);
    }
}
