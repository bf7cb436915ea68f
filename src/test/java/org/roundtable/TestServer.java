package org.roundtable;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.roundtable.app.App;
import org.roundtable.app.Config;
import org.roundtable.db.Database;

/**
 * The real application on a random port over a real SQLite file, the way {@code Main} starts it,
 * with an HTTP client that does not follow redirects so tests can see them.
 */
public final class TestServer implements Site, AutoCloseable {

    /** The bundled article's page. */
    public static final String ARTICLE = "/articles/iran-pakistan-strategic-alliance";

    private final Database database;
    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestServer(Config config, Clock clock) {
        this.database = Database.open(config.databaseUrl(), config.databaseBusyTimeout());
        App.importArticles(config, database, clock);
        this.app = App.create(config, database, clock).start(0);
    }

    private TestServer(Config config) {
        this.database = Database.open(config.databaseUrl(), config.databaseBusyTimeout());
        App.importArticles(config, database, Clock.systemUTC());
        this.app = App.createWarm(config, database).start(0);
    }

    /** The application exactly as {@code serve} runs it, the page cache warmed as it starts. */
    public static TestServer startAsServed(Config config) {
        return new TestServer(config);
    }

    public static TestServer start(Path folder) {
        return start(config(folder));
    }

    public static TestServer start(Config config) {
        return new TestServer(config, Clock.systemUTC());
    }

    public static TestServer start(Config config, Clock clock) {
        return new TestServer(config, clock);
    }

    /** A reader with their own cookies, using the site through its pages and forms. */
    public Reader reader() {
        return new Reader(this);
    }

    /** A moderator's browser, signed in through the sign-in form. */
    public Reader moderator(String username, String password) {
        Reader reader = reader();
        var response = reader.submit(reader.open("/admin/login"), "form[action=/admin/login]",
                Map.of("username", username, "password", password));
        if (response.statusCode() != 303) {
            throw new AssertionError("Sign-in as " + username + " answered " + response.statusCode());
        }
        return reader;
    }

    @Override
    public String origin() {
        return "http://localhost:" + app.port();
    }

    public static Config config(Path folder) {
        return config(folder, Map.of());
    }

    /**
     * The configuration with the database in {@code folder} (unless {@code env} names another in DATABASE_URL)
     * and these environment variables set. Rate limits are off unless a test sets them, since tests post far faster
     * than people do; passwords are hashed with BCrypt's fewest rounds, since tests sign in hundreds of times (a
     * hash at the default rounds took a fifth of the suite's time).
     */
    public static Config config(Path folder, Map<String, String> env) {
        var all = new HashMap<>(Map.of("SPAM_MIN_FILL_SECONDS", "0", "FLOOD_MIN_INTERVAL_SECONDS", "0", "FLOOD_MAX_PER_HOUR", "0",
                "FLOOD_ADDRESS_MAX_PER_HOUR", "0", "BCRYPT_ROUNDS", "4"));
        all.putAll(env);
        all.computeIfAbsent("DATABASE_URL", unset -> databaseUrl(folder));
        all.put("PORT", "0");
        return Config.fromMap(all);
    }

    /** A folder for ARTICLES_DIR, in {@code folder}, holding a second article ("a-second-analysis", one proposal). */
    public static Path articlesFolderWithASecondArticle(Path folder) {
        try (InputStream second = TestServer.class.getResourceAsStream("/articles/a-second-analysis.md")) {
            Path articles = Files.createDirectories(folder.resolve("articles"));
            Files.copy(second, articles.resolve("a-second-analysis.md"));
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String databaseUrl(Path folder) {
        return TestDatabases.url(folder);
    }

    /** Every registered HTTP route, as "METHOD path". */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(handler -> handler.endpoint.method.name() + " " + handler.endpoint.path)
                .toList();
    }

    public String commentStatus(long id) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT status FROM comments WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    public Database database() {
        return database;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), uri(path).toString());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(client, request);
    }

    public HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends with {@code client}, turning the checked exceptions of a test's HTTP call into failures. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        database.close();
    }
}
