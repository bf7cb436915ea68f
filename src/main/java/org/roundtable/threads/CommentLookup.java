package org.roundtable.threads;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.article.Articles;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Ids;

/** The article and comment a URL names ({@code /articles/{slug}/comments/{id}}), or a 404. */
public final class CommentLookup {

    private final Articles articles;
    private final Jdbi jdbi;

    public CommentLookup(Articles articles, Jdbi jdbi) {
        this.articles = articles;
        this.jdbi = jdbi;
    }

    public Article article(Context ctx) {
        return articles.article(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    }

    /** Whether {@code comment} may carry a stance: it starts a thread on a proposal. */
    public boolean takesStance(Comment comment) {
        return comment.isTopLevel() && jdbi.onDemand(DiscussionRepository.class).findById(comment.discussionId())
                .map(discussion -> !discussion.isGeneral())
                .orElse(false);
    }

    /** The comment {@code {id}}, only if it belongs to {@code article}. */
    public Comment comment(Context ctx, Article article) {
        return Ids.parse(ctx.pathParam("id"))
                .flatMap(id -> jdbi.onDemand(CommentRepository.class).findInArticle(id, article.id()))
                .orElseThrow(NotFoundResponse::new);
    }
}
