package org.roundtable.feed;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.article.Article;
import org.roundtable.article.Articles;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.security.SiteAddress;
import org.roundtable.threads.DiscussionView;

/** Atom feeds: the newest comments of an article or of one proposal, and replies to one author. */
public final class FeedController {

    private static final String ATOM = "application/atom+xml; charset=utf-8";

    private final Jdbi jdbi;
    private final Articles articles;
    private final AuthorCookies authors;
    private final AtomWriter atom;
    private final SiteAddress site;

    public FeedController(Jdbi jdbi, Articles articles, AuthorCookies authors, CommentMarkdown markdown, SiteAddress site) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.authors = authors;
        this.atom = new AtomWriter(markdown);
        this.site = site;
    }

    public void article(Context ctx) {
        Article article = articles.article(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        List<FeedEntry> entries = jdbi.onDemand(FeedRepository.class).newestOnArticle(article.slug());
        respond(ctx, article, "Comments on \u201C" + article.title() + "\u201D", CommentPaths.article(article.slug()), entries);
    }

    public void discussion(Context ctx) {
        Article article = articles.article(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Discussion discussion = jdbi.onDemand(DiscussionRepository.class)
                .find(article.id(), ctx.pathParam("discussion"))
                .orElseThrow(NotFoundResponse::new);
        List<FeedEntry> entries = jdbi.onDemand(FeedRepository.class).newestInDiscussion(article.slug(), discussion.key());
        String title = discussion.isGeneral()
                ? "General discussion of \u201C" + article.title() + "\u201D"
                : "Proposal " + discussion.position() + ": " + discussion.title();
        respond(ctx, article, title,
                CommentPaths.article(article.slug()) + "#" + DiscussionView.anchor(discussion), entries);
    }

    /** Private: whoever holds the link sees replies to that author, so it is never cached or indexed. */
    public void replies(Context ctx) {
        Author author = authors.holderOfPrivateLink(ctx, ctx.pathParam("token"));
        List<FeedEntry> entries = jdbi.onDemand(FeedRepository.class).repliesTo(author.id());
        ctx.contentType(ATOM).result(atom.write(site.baseUrl(ctx), "Replies to your comments", ctx.path(),
                "/authors/" + ctx.pathParam("token"), author.createdAt(), entries));
    }

    private void respond(Context ctx, Article article, String title, String pagePath, List<FeedEntry> entries) {
        ctx.contentType(ATOM).result(atom.write(site.baseUrl(ctx), title, ctx.path(), pagePath,
                article.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant(), entries));
    }
}
