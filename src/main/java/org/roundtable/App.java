package org.roundtable;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import org.roundtable.article.ArticleController;
import org.roundtable.article.ArticleImporter;
import org.roundtable.article.ArticlePages;
import org.roundtable.db.Database;
import org.roundtable.discussion.CommentMarkdown;
import org.roundtable.discussion.Threads;
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
        var formats = new Formats(config.timeZone());
        var threads = new Threads(new CommentMarkdown(), formats);
        var articles = new ArticleController(new ArticlePages(database.jdbi(), threads));
        var health = new HealthController(database);
        var errors = new ErrorPages();

        return Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            app.http.prefer405over404 = true;
            app.fileRenderer(new Templates());
            app.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = config.staticDir().map(Object::toString).orElse("/static");
                files.location = config.staticDir().isPresent() ? Location.EXTERNAL : Location.CLASSPATH;
            });

            app.routes.before(SecurityHeaders::apply);
            app.routes.get("/", articles::index);
            app.routes.get("/articles/{slug}", articles::show);
            app.routes.get("/health", health::health);
            errors.register(app.routes);
        });
    }
}
