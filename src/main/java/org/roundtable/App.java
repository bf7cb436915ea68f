package org.roundtable;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import org.roundtable.article.ArticleController;
import org.roundtable.article.ArticleImporter;
import org.roundtable.article.ArticlePages;
import org.roundtable.author.AuthorController;
import org.roundtable.author.AuthorCookies;
import org.roundtable.db.Database;
import org.roundtable.discussion.CommentMarkdown;
import org.roundtable.discussion.CommentPages;
import org.roundtable.discussion.CommentPosting;
import org.roundtable.discussion.DiscussionController;
import org.roundtable.discussion.Readers;
import org.roundtable.discussion.Threads;
import org.roundtable.feed.FeedController;
import org.roundtable.moderation.Bans;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;
import org.roundtable.security.ServerSecret;
import org.roundtable.security.Signer;
import org.roundtable.web.ErrorPages;
import org.roundtable.web.Formats;
import org.roundtable.web.HealthController;
import org.roundtable.web.SecurityHeaders;
import org.roundtable.web.Templates;

/** Builds the whole application from its configuration and database: every object is made here. */
public final class App {

    private App() {}

    /** Brings the database's content up to date: the bundled article, then any in {@code ARTICLES_DIR}. */
    public static void importArticles(Config config, Database database, Clock clock) {
        var importer = new ArticleImporter(database.jdbi(), clock);
        importer.importBundled();
        config.articlesDir().ifPresent(importer::importFolder);
    }

    public static Javalin create(Config config, Database database) {
        return create(config, database, Clock.systemUTC());
    }

    public static Javalin create(Config config, Database database, Clock clock) {
        var jdbi = database.jdbi();
        var signer = new Signer(ServerSecret.load(config.secretKey(), jdbi));
        var formats = new Formats(config.timeZone());
        var markdown = new CommentMarkdown();
        var threads = new Threads(markdown, formats);
        var authorCookies = new AuthorCookies(jdbi, signer, clock, config.cookieSecure());
        var formTokens = new FormTokens(signer, clock);
        var readers = new Readers(authorCookies, formTokens, clock, config.editWindow());
        var articlePages = new ArticlePages(jdbi, threads);

        var articles = new ArticleController(articlePages, readers);
        var discussions = new DiscussionController(articlePages, articles, new CommentPosting(jdbi, clock),
                new CommentPages(jdbi, threads, readers), authorCookies, formTokens, readers,
                new Bans(jdbi, clock, config.timeZone()), new IpHashes(signer), jdbi, clock);
        var authors = new AuthorController(jdbi, authorCookies, formats, clock, config.editWindow());
        var feeds = new FeedController(jdbi, articlePages, authorCookies, markdown);
        var health = new HealthController(database);

        return Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            app.http.prefer405over404 = true;
            app.fileRenderer(new Templates());
            app.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = config.staticDir().map(Object::toString).orElse("/static");
                files.location = config.staticDir().isPresent() ? Location.EXTERNAL : Location.CLASSPATH;
            });
            routes(app.routes, articles, discussions, authors, feeds, health);
            new ErrorPages().register(app.routes);
        });
    }

    private static void routes(RoutesConfig routes, ArticleController articles, DiscussionController discussions,
                               AuthorController authors, FeedController feeds, HealthController health) {
        routes.before(SecurityHeaders::apply);

        routes.get("/", articles::index);
        routes.get("/articles/{slug}", articles::show);
        routes.get("/articles/{slug}/comments.atom", feeds::article);
        routes.get("/articles/{slug}/discussions/{discussion}/comments.atom", feeds::discussion);

        routes.post("/articles/{slug}/comments", discussions::post);
        routes.get("/articles/{slug}/comments/{id}", discussions::show);
        routes.get("/articles/{slug}/comments/{id}/edit", discussions::editForm);
        routes.post("/articles/{slug}/comments/{id}/edit", discussions::edit);
        routes.post("/articles/{slug}/comments/{id}/delete", discussions::delete);

        routes.get("/authors/{token}", authors::show);
        routes.get("/authors/{token}/replies.atom", feeds::replies);

        routes.get("/health", health::health);
    }
}
