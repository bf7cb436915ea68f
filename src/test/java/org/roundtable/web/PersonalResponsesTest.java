package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import io.javalin.Javalin;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/**
 * "Personal ⇒ private" holds for every route: each GET route Javalin has registered is read by a stranger and by
 * an author who holds every personal cookie there is, and wherever the two answers differ the author's is private.
 */
class PersonalResponsesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    @TempDir
    Path folder;

    @Test
    void everyRouteWhoseAnswerDependsOnTheReadersCookiesIsPrivate() {
        // A fixed clock and key: form tokens and signatures come out the same for both readers.
        var clock = new MutableClock();
        var config = TestServer.config(folder, Map.of("SECRET_KEY", "a fixed key for comparable pages",
                "ADMIN_PASSWORD", PASSWORD, "METRICS_TOKEN", "a metrics token"));
        try (var server = TestServer.start(config, clock)) {
            Reader other = server.reader();
            long theirs = postedId(other.submit(other.open(ARTICLE), "#reply-general", Map.of("body", "Someone else's point")));
            Reader author = server.reader();
            var posted = author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "My own point"));
            long mine = postedId(posted);
            assertThat(author.press(author.open(ARTICLE), "#comment-" + theirs + " button.helpful-button").statusCode())
                    .isEqualTo(303);
            assertThat(author.submit(author.open("/admin/login"), "form[action=/admin/login]",
                    Map.of("username", "admin", "password", PASSWORD)).statusCode()).isEqualTo(303);
            assertThat(author.cookies().getCookieStore().getCookies()).extracting(HttpCookie::getName)
                    .contains("rt_author", "rt_private_link", "rt_marked", "rt_admin");

            var walk = walk(server.routes(), Map.of(
                            "slug", ARTICLE.substring(ARTICLE.lastIndexOf('/') + 1),
                            "discussion", "proposal-1",
                            "id", Long.toString(mine),
                            "token", privateLinkToken(posted)),
                    server::get, author::get);

            assertThat(walk.problems()).isEmpty();
            assertThat(walk.personal()).as("the walk reached the pages that are personal").contains(
                    "GET /articles/{slug}", "GET /articles/{slug}/comments/{id}", "GET /articles/{slug}/comments/{id}/edit",
                    "GET /articles/{slug}/helpful", "GET /authors/{token}", "GET /admin");
        }
    }

    @Test
    void theWalkCatchesARouteThatReadsACookieBehindTheRulesBack() {
        var app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.after(Personal::afterRequest);
            config.routes.get("/greeting", ctx -> ctx.result("Hello, " + Optional.ofNullable(ctx.cookie("rt_author")).orElse("stranger")));
            config.routes.get("/weather", ctx -> ctx.result("Sunny"));
        }).start(0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            Function<String, HttpRequest.Builder> request = path -> HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
            List<String> routes = app.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(handler -> handler.endpoint.method.name() + " " + handler.endpoint.path)
                    .toList();

            var walk = walk(routes, Map.of(), path -> send(client, request.apply(path)),
                    path -> send(client, request.apply(path).header("Cookie", "rt_author=someone")));

            assertThat(walk.personal()).containsExactly("GET /greeting");
            assertThat(walk.problems()).isNotEmpty().allMatch(problem -> problem.startsWith("GET /greeting: "));
        } finally {
            app.stop();
        }
    }

    /** What a walk over the routes found: the routes whose answers differed, and every rule they broke. */
    private record Walk(List<String> personal, List<String> problems) {}

    private static Walk walk(List<String> routes, Map<String, String> parameters,
                             Function<String, HttpResponse<String>> stranger, Function<String, HttpResponse<String>> author) {
        var personal = new ArrayList<String>();
        var problems = new ArrayList<String>();
        for (String route : routes) {
            String[] methodAndPath = route.split(" ", 2);
            if (!methodAndPath[0].equals("GET")) {
                continue;
            }
            Optional<String> path = filled(methodAndPath[1], parameters);
            if (path.isEmpty()) {
                problems.add(route + ": the walk has no value for its path parameters; add one, do not skip the route");
                continue;
            }
            HttpResponse<String> theirs = stranger.apply(path.get());
            HttpResponse<String> mine = author.apply(path.get());
            if (theirs.statusCode() >= 500 || mine.statusCode() >= 500) {
                problems.add(route + ": answered " + theirs.statusCode() + " and " + mine.statusCode());
            }
            if (sameAnswer(theirs, mine)) {
                continue;
            }
            personal.add(route);
            String cacheControl = header(mine, "Cache-Control");
            if (!cacheControl.contains("private") || !(cacheControl.contains("no-cache") || cacheControl.contains("no-store"))) {
                problems.add(route + ": personal, yet Cache-Control is \"" + cacheControl + "\"");
            }
            String shared = header(theirs, "Cache-Control");
            if (!header(theirs, "Vary").contains("cookie") && !shared.contains("private") && !shared.contains("no-store")) {
                problems.add(route + ": a stranger's answer a cache could hand to the author (no Vary: Cookie)");
            }
        }
        return new Walk(personal, problems);
    }

    private static boolean sameAnswer(HttpResponse<String> a, HttpResponse<String> b) {
        return a.statusCode() == b.statusCode()
                && a.headers().firstValue("Location").equals(b.headers().firstValue("Location"))
                && a.body().equals(b.body());
    }

    private static Optional<String> filled(String path, Map<String, String> parameters) {
        Matcher parameter = PARAMETER.matcher(path);
        var filled = new StringBuilder();
        while (parameter.find()) {
            String value = parameters.get(parameter.group(1));
            if (value == null) {
                return Optional.empty();
            }
            parameter.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(filled);
        return Optional.of(filled.toString());
    }

    private static String header(HttpResponse<String> response, String name) {
        return String.join(", ", response.headers().allValues(name)).toLowerCase(Locale.ROOT);
    }

    /** The token of the private link a first comment brought, from the cookie that shows it (comment.time.token.mac). */
    private static String privateLinkToken(HttpResponse<String> posted) {
        String value = posted.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rt_private_link="))
                .map(c -> HttpCookie.parse(c).get(0).getValue()).findFirst().orElseThrow();
        return value.split("\\.")[2];
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
