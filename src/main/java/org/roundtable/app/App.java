package org.roundtable.app;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.Map;
import org.roundtable.accounts.AdminBootstrap;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AdminNotices;
import org.roundtable.accounts.AdminSessions;
import org.roundtable.accounts.AuthController;
import org.roundtable.accounts.ModeratorsController;
import org.roundtable.accounts.Passwords;
import org.roundtable.accounts.SignIns;
import org.roundtable.antispam.Bans;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.SpamScreen;
import org.roundtable.article.ArticleImporter;
import org.roundtable.article.Articles;
import org.roundtable.articlepage.ArticleController;
import org.roundtable.articlepage.ArticlePages;
import org.roundtable.audit.AuditLog;
import org.roundtable.author.AuthorComments;
import org.roundtable.author.AuthorController;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.PrivateLinkNotice;
import org.roundtable.comment.EditWindow;
import org.roundtable.comparison.ComparisonController;
import org.roundtable.comparison.ProposalComparisons;
import org.roundtable.db.ChangeBroadcast;
import org.roundtable.db.ContentVersion;
import org.roundtable.db.Database;
import org.roundtable.db.GroupCommitWriter;
import org.roundtable.feed.FeedController;
import org.roundtable.helpful.HelpfulController;
import org.roundtable.helpful.HelpfulMarks;
import org.roundtable.history.CommentHistory;
import org.roundtable.history.CommentHistoryController;
import org.roundtable.identicon.Identicons;
import org.roundtable.moderation.BansController;
import org.roundtable.moderation.BlocklistController;
import org.roundtable.moderation.ModerationActions;
import org.roundtable.moderation.ReportController;
import org.roundtable.moderation.Reports;
import org.roundtable.moderation.RevisionsController;
import org.roundtable.operations.HealthController;
import org.roundtable.operations.Housekeeping;
import org.roundtable.operations.Metrics;
import org.roundtable.operations.RequestLog;
import org.roundtable.pagecache.PageCache;
import org.roundtable.posting.AuthorDeletesController;
import org.roundtable.posting.AuthorEdits;
import org.roundtable.posting.AuthorEditsController;
import org.roundtable.posting.CommentPlacement;
import org.roundtable.posting.CommentPreviews;
import org.roundtable.posting.CommentStore;
import org.roundtable.posting.Posters;
import org.roundtable.posting.PostingController;
import org.roundtable.posting.PostingRules;
import org.roundtable.posting.PreviewRendering;
import org.roundtable.posting.TypedForms;
import org.roundtable.queue.DashboardController;
import org.roundtable.queue.QueueController;
import org.roundtable.queue.QueueFilter;
import org.roundtable.queue.QueueRepository;
import org.roundtable.queue.QueueSearch;
import org.roundtable.rendering.Assets;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.Formats;
import org.roundtable.rendering.GatedPages;
import org.roundtable.rendering.RenderGate;
import org.roundtable.rendering.Templates;
import org.roundtable.search.SearchBackfill;
import org.roundtable.search.SearchController;
import org.roundtable.security.AddressGate;
import org.roundtable.security.AddressLimits;
import org.roundtable.security.FormTokens;
import org.roundtable.security.IpHashes;
import org.roundtable.security.LoginThrottle;
import org.roundtable.security.ServerSecret;
import org.roundtable.security.Signer;
import org.roundtable.security.SiteAddress;
import org.roundtable.siteadmin.ArticleSettingsController;
import org.roundtable.siteadmin.AuditController;
import org.roundtable.siteadmin.BackupController;
import org.roundtable.summary.Summaries;
import org.roundtable.summary.SummaryController;
import org.roundtable.summary.SummaryViews;
import org.roundtable.threads.CommentLookup;
import org.roundtable.threads.CommentPages;
import org.roundtable.threads.ThreadPages;
import org.roundtable.threads.Threads;
import org.roundtable.viewer.Viewers;
import org.roundtable.web.ClientAddress;
import org.roundtable.web.EagerBodies;
import org.roundtable.web.ErrorPages;
import org.roundtable.web.Personal;
import org.roundtable.web.SecurityHeaders;
import org.roundtable.web.ServerLimits;
import org.roundtable.web.Utf8Forms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the whole application from its configuration and database: every object is made here. */
public final class App {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private static final int DYNAMIC_GZIP_LEVEL = 3;
    static final long STOP_TIMEOUT_MILLIS = 10_000;

    private App() {}

    /** Brings the database's content up to date: the bundled article, then any in {@code ARTICLES_DIR}. */
    public static void importArticles(Config config, Database database, Clock clock) {
        var importer = new ArticleImporter(database.jdbi(), clock);
        importer.importBundled();
        config.articlesDir().ifPresent(importer::importFolder);
    }

    /**
     * The application as {@code serve} runs it: while the web server starts, another thread renders the
     * article pages into the cache, so the first readers after a start or a deployment do not wait for that.
     */
    public static Javalin createWarm(Config config, Database database) {
        return create(config, database, Clock.systemUTC(), true);
    }

    public static Javalin create(Config config, Database database, Clock clock) {
        return create(config, database, clock, false);
    }

    private static Javalin create(Config config, Database database, Clock clock, boolean warmPageCache) {
        var jdbi = database.jdbi();
        var signer = new Signer(ServerSecret.load(config.secretKey(), jdbi));
        var formats = new Formats(config.timeZone());
        var markdown = new CommentMarkdown();
        var threads = new Threads(markdown, formats, new Identicons(signer));
        var authorCookies = new AuthorCookies(jdbi, signer, clock, config.cookieSecure());
        var site = new SiteAddress(config.publicUrl());
        var formTokens = new FormTokens(signer, clock, site);
        var ipHashes = new IpHashes(signer);
        var editWindow = new EditWindow(config.editWindow());
        var bans = new Bans(jdbi, clock, config.timeZone());
        var readers = new Viewers(jdbi, authorCookies, formTokens, clock, editWindow, site, bans, ipHashes);
        var summaryViews = new SummaryViews(markdown, formats);
        var articleList = new Articles(jdbi);
        var articlePages = new ArticlePages(jdbi, threads, new ThreadPages(markdown), summaryViews);
        var writer = new GroupCommitWriter(database);
        var audit = new AuditLog(clock);

        var templates = new Templates(new Assets(config.staticDir()), clock);
        AddressLimits addressLimits = config.addressLimits();
        var renderGate = RenderGate.perCore(AddressGate.queueingBeyond(addressLimits.renders(), addressLimits.renderWait()));
        var pageCache = new PageCache(config.renderCache(), clock, config.renderCacheBytes(), () -> ContentVersion.read(jdbi),
                renderGate);
        ChangeBroadcast broadcast = config.renderCache() ? database.changeBroadcast() : ChangeBroadcast.NOBODY_ELSE;
        pageCache.announceTo(broadcast::announce);
        broadcast.listen(pageCache::invalidate, () -> pageCache.invalidate(PageCache.EVERY_PAGE));
        var metrics = new Metrics(config.metricsToken(), config.cookieSecure());
        metrics.gauge("roundtable.moderation.queue", "Comments held for a moderator",
                () -> jdbi.onDemand(QueueRepository.class).count(QueueFilter.HELD.condition()));
        metrics.gauge("roundtable.render.cache.hit.ratio", "Share of shared pages served from the cache", pageCache::hitRatio);
        metrics.gauge("roundtable.render.cache.bytes", "Bytes the cached pages take", pageCache::cachedBytes);
        metrics.gauge("roundtable.db.pool.active", "Database connections in use", database::connectionsInUse);
        metrics.gauge("roundtable.db.pool.idle", "Idle database connections", database::idleConnections);
        metrics.gauge("roundtable.db.pool.waiting", "Threads waiting for a connection", database::threadsWaitingForConnection);
        metrics.gauge("roundtable.db.writer.queued", "Writes waiting for the next group commit", writer::queued);
        var gatedPages = new GatedPages(templates, renderGate);
        var articles = new ArticleController(articleList, articlePages, readers, pageCache, gatedPages);
        if (warmPageCache && config.renderCache()) {
            warmInBackground(articles);
        }
        var comparison = new ComparisonController(articleList, new ProposalComparisons(jdbi, markdown, formats, summaryViews),
                pageCache, gatedPages);
        var summaryPages = new SummaryController(jdbi, summaryViews);
        var lookup = new CommentLookup(articleList, authorCookies, jdbi);
        var commentPages = new CommentPages(lookup, jdbi, threads, readers);
        var flood = new FloodControl(config.spamRules(), clock);
        var checks = new PostingRules(bans,
                new SpamScreen(jdbi, config.spamRules(), markdown, clock), flood, clock,
                config.spamRules().duplicateWindow(), jdbi);
        var placement = new CommentPlacement(jdbi);
        var posters = new Posters(lookup, authorCookies, ipHashes);
        var previews = new CommentPreviews(checks, posters,
                new PreviewRendering(markdown, renderGate, AddressGate.refusingBeyond(addressLimits.previews())));
        var postingController = new PostingController(posters, checks, new CommentStore(writer, authorCookies, flood, metrics),
                placement, new TypedForms(articles, commentPages, previews, jdbi));
        var edits = new AuthorEdits(checks, lookup, ipHashes, writer, audit, clock);
        var authorEdits = new AuthorEditsController(lookup, readers, edits, previews, placement);
        var authorDeletes = new AuthorDeletesController(lookup, readers, edits, placement, markdown);
        var authorComments = new AuthorComments(jdbi, markdown, formats, clock, editWindow);
        var authors = new AuthorController(authorCookies, authorComments, formTokens, site, writer);
        var feeds = new FeedController(jdbi, articleList, authorCookies, markdown, site);
        var reports = new ReportController(lookup,
                new Reports(jdbi, authorCookies, ipHashes, flood, clock, config.reportHideThreshold()), authorCookies,
                formTokens, markdown);
        var history = new CommentHistory(jdbi, audit, formats, clock);
        var commentHistory = new CommentHistoryController(lookup, history);
        var helpful = new HelpfulController(lookup, new HelpfulMarks(jdbi, authorCookies, ipHashes, flood, clock,
                config.spamRules().helpfulMarksPerAddress()), authorCookies, authorComments);
        // One gate for both searches: a moderator's count against their address's searches as a reader's do.
        var searchesPerAddress = AddressGate.refusingBeyond(addressLimits.searches());
        var search = new SearchController(articleList, database, markdown, formats, searchesPerAddress);
        var health = new HealthController(database);

        var passwords = new Passwords(config.bcryptRounds());
        var bootstrap = new AdminBootstrap(jdbi, passwords, audit, clock);
        bootstrap.prepare(config.adminPassword()).ifPresent(token -> log.warn(
                "No moderator account exists yet. Create the first admin, once, at http://localhost:{}/admin/setup/{}",
                config.port(), token));
        // Comments written before search existed become findable while the site already serves; started after
        // the start-up writes above, whose SQLite write lock it would otherwise hold a batch at a time (a seeded
        // jar under load could not create its admin within the busy timeout and exited).
        SearchBackfill.inBackground(jdbi);
        var adminSessions = new AdminSessions(jdbi, signer, clock, config.adminIdleTimeout(), config.cookieSecure());
        var moderation = new ModerationActions(jdbi, audit, history, clock);
        var adminNotices = new AdminNotices(signer, clock);
        var housekeeping = new Housekeeping(jdbi, writer, flood, config.adminIdleTimeout(), clock);

        return Javalin.create(app -> {
            app.startup.showJavalinBanner = false;
            app.events.serverStarted(housekeeping::start);
            // Before the writer, so no run is left waiting on it.
            app.events.serverStopped(housekeeping::close);
            app.events.serverStopped(writer::close);
            app.events.serverStopped(broadcast::close);
            app.events.serverStopped(pageCache::close);
            app.http.prefer405over404 = true;
            // Pages are compressed as they are sent: level 3 takes a third of the default level's time on a
            // 1 MB article page for about 20% more bytes. Cached pages are compressed once, at the default.
            app.http.compressionStrategy = new CompressionStrategy(null, new Gzip(DYNAMIC_GZIP_LEVEL));
            app.requestLogger.http(new RequestLog(ipHashes, metrics)::handle);
            app.fileRenderer(templates);
            app.staticFiles.add(files -> {
                files.hostedPath = "/static";
                // Pages link to static files by fingerprinted address (see Assets), so they never go stale.
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
                files.directory = config.staticDir().map(Object::toString).orElse("/static");
                files.location = config.staticDir().isPresent() ? Location.EXTERNAL : Location.CLASSPATH;
            });
            if (config.trustProxy()) {
                app.contextResolver.ip = ClientAddress::behindProxy;
            }
            app.http.maxRequestSize = ServerLimits.MAX_REQUEST_BYTES;
            app.jetty.modifyServletContextHandler(handler -> handler.setMaxFormContentSize(ServerLimits.MAX_REQUEST_BYTES));
            app.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            app.jetty.modifyServer(server -> {
                config.serverLimits().applyTo(server);
                // On SIGTERM, stop accepting and give requests under way this long to finish.
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
            });
            app.routes.before(new SecurityHeaders(config.cookieSecure())::apply);
            app.routes.before(EagerBodies::refuse);
            app.routes.before(Utf8Forms::check);
            app.routes.before(formTokens::judge);
            app.routes.after(pageCache::afterRequest);
            app.routes.after(Personal::afterRequest);
            routes(app.routes, articles, comparison, summaryPages, commentPages, postingController, previews, authorEdits,
                    authorDeletes, reports, helpful, commentHistory, search, authors, feeds, health, metrics);
            AdminRoutes.register(app.routes,
                    new AdminGate(adminSessions, formTokens),
                    new AuthController(adminSessions, new SignIns(jdbi, passwords,
                            new LoginThrottle(jdbi, clock, config.loginMaxFailures()), ipHashes, audit), bootstrap, formTokens),
                    new DashboardController(jdbi, formats, database.makesBackups()),
                    new QueueController(jdbi, moderation, formats, adminNotices, new QueueSearch(database, searchesPerAddress)),
                    new BansController(jdbi, moderation, markdown, formats, clock),
                    new ArticleSettingsController(jdbi, moderation, new Summaries(jdbi, audit, clock), adminNotices),
                    new BlocklistController(jdbi, ipHashes, audit, clock),
                    new AuditController(jdbi, formats),
                    new ModeratorsController(jdbi, passwords, audit, clock),
                    new BackupController(database, audit, clock),
                    new RevisionsController(history));
            new ErrorPages().register(app.routes);
        });
    }

    private static void warmInBackground(ArticleController articles) {
        var warmUp = new Thread(() -> {
            try {
                articles.warm();
            } catch (RuntimeException e) {
                // Only the first reader's wait is lost: the page is rendered on request as usual.
                log.warn("Could not render the article pages ahead of their first readers", e);
            }
        }, "roundtable-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static void routes(RoutesConfig routes, ArticleController articles, ComparisonController comparison,
                               SummaryController summaries,
                               CommentPages comments,
                               PostingController posting, CommentPreviews previews, AuthorEditsController authorEdits,
                               AuthorDeletesController authorDeletes, ReportController reports, HelpfulController helpful,
                               CommentHistoryController commentHistory, SearchController search, AuthorController authors,
                               FeedController feeds,
                               HealthController health, Metrics metrics) {
        PageRoutes.get(routes, "/", articles::index);
        PageRoutes.get(routes, "/articles/{slug}", articles::show);
        PageRoutes.get(routes, "/articles/{slug}/discussions/{discussion}", articles::discussion);
        PageRoutes.get(routes, "/articles/{slug}/compare", comparison::show);
        PageRoutes.get(routes, "/articles/{slug}/search", search::search);
        PageRoutes.get(routes, "/articles/{slug}/discussions/{discussion}/summary", summaries::history);
        PageRoutes.get(routes, "/articles/{slug}/discussions/{discussion}/summary/{id}", summaries::revision);
        PageRoutes.get(routes, "/articles/{slug}/comments.atom", feeds::article);
        PageRoutes.get(routes, "/articles/{slug}/discussions/{discussion}/comments.atom", feeds::discussion);

        routes.post("/articles/{slug}/comments", posting::post);
        routes.post("/articles/{slug}/preview", previews::fragment);
        PageRoutes.get(routes, "/articles/{slug}/comments/{id}", comments::show);
        PageRoutes.get(routes, "/articles/{slug}/comments/{id}/edit", authorEdits::editForm);
        routes.post("/articles/{slug}/comments/{id}/edit", authorEdits::edit);
        PageRoutes.get(routes, "/articles/{slug}/comments/{id}/delete", authorDeletes::confirmation);
        routes.post("/articles/{slug}/comments/{id}/delete", authorDeletes::delete);
        PageRoutes.get(routes, "/articles/{slug}/comments/{id}/deleted", authorDeletes::deleted);
        PageRoutes.get(routes, "/articles/{slug}/comments/{id}/report", reports::form);
        routes.post("/articles/{slug}/comments/{id}/report", reports::report);
        routes.post("/articles/{slug}/comments/{id}/helpful", helpful::mark);
        PageRoutes.get(routes, "/articles/{slug}/comments/{id}/history", commentHistory::show);
        PageRoutes.get(routes, "/articles/{slug}/helpful", helpful::marked);

        // Before "/authors/{token}", which would take "new-link" for a token.
        PageRoutes.get(routes, PrivateLinkNotice.RENEWAL_PATH, authors::renewalForm);
        routes.post(PrivateLinkNotice.RENEWAL_PATH, authors::renew);
        PageRoutes.get(routes, "/authors/{token}", authors::show);
        routes.post("/authors/{token}", authors::signIn);
        PageRoutes.get(routes, "/authors/{token}/replies.atom", feeds::replies);

        PageRoutes.get(routes, "/health", health::health);
        PageRoutes.get(routes, "/metrics", metrics::scrape);
    }

}
