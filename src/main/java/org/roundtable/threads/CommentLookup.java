package org.roundtable.threads;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.article.Articles;
import org.roundtable.author.AuthorCookies;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Ids;
import org.roundtable.comment.Visibility;

/** The article and comment a URL names ({@code /articles/{slug}/comments/{id}}), or a 404. */
public final class CommentLookup {

    private final Articles articles;
    private final AuthorCookies authors;
    private final Jdbi jdbi;

    public CommentLookup(Articles articles, AuthorCookies authors, Jdbi jdbi) {
        this.articles = articles;
        this.authors = authors;
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
        return find(ctx, article).orElseThrow(NotFoundResponse::new);
    }

    /**
     * The comment {@code {id}} of {@code article} only if every reader sees it ({@link Visibility}): a comment set
     * aside, rejected or deleted answers as one that never existed, so nobody learns which comments were hidden.
     */
    public Optional<Comment> shownToReaders(Context ctx, Article article) {
        return find(ctx, article).filter(comment -> Visibility.shownToReaders(comment.status()));
    }

    private Optional<Comment> find(Context ctx, Article article) {
        // Whether a comment is shown depends on who asks (its author sees it while it waits), so every answer about
        // one depends on the reader's cookie, found or not: a missing comment's answer then carries the same Vary
        // and Cache-Control as a hidden one's, and the headers alone cannot tell them apart. Only the signature is
        // checked here; whoever needs the author looks them up.
        authors.dependsOnCookie(ctx);
        return Ids.parse(ctx.pathParam("id"))
                .flatMap(id -> jdbi.onDemand(CommentRepository.class).findInArticle(id, article.id()));
    }
}
