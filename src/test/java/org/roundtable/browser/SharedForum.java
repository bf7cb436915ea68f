package org.roundtable.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.roundtable.JarProcess;

/**
 * One packaged forum for the whole browser suite (one per test JVM), started when the first test asks for it and
 * stopped when the JVM exits. Starting a jar per test cost a few seconds each time, and each fresh jar served its
 * first pages before the JIT had warmed up.
 *
 * <p>Tests stay apart by content rather than by database: the forum serves {@value #ARTICLES} copies of the
 * bundled article, and each test takes a copy no other test touches. Comments, tallies, summaries, search, the
 * "new" marks and the previews under the article are all per article, so a test sees its copy exactly as it
 * would see the article on a fresh database. What stays shared is site-wide: the moderation queue, the audit log
 * and the moderator's display name.
 */
final class SharedForum {

    /** More copies than the suite has tests that take one; {@link #freshArticle()} says so when they run out. */
    static final int ARTICLES = 48;

    private static final String BUNDLED = "/articles/iran-pakistan-strategic-alliance.md";
    private static final String SLUG = "iran-pakistan-strategic-alliance";
    private static final AtomicInteger taken = new AtomicInteger();
    private static JarProcess jar;
    /** Why the forum did not start, so that the tests after the first fail at once rather than try again. */
    private static IllegalStateException notStarted;

    /** One test's own copy of the article: its path ({@code /articles/…}) and its title. */
    record Article(String path, String title) {}

    /** The shared forum, started on first use. */
    static synchronized JarProcess jar() throws IOException, InterruptedException {
        if (notStarted != null) {
            throw notStarted;
        }
        if (jar == null) {
            try {
                jar = start();
            } catch (IOException | RuntimeException e) {
                notStarted = new IllegalStateException("The shared forum did not start", e);
                throw notStarted;
            }
        }
        return jar;
    }

    private static JarProcess start() throws IOException, InterruptedException {
        // Under target/, so that the server's log is there to read when a test fails.
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "browser-forum-").toAbsolutePath();
        Path articles = Files.createDirectories(folder.resolve("articles"));
        String bundled = bundled();
        for (int n = 1; n <= ARTICLES; n++) {
            Files.writeString(articles.resolve(slug(n) + ".md"), copy(bundled, n));
        }
        var env = new HashMap<>(Forum.SETTINGS);
        env.put("ARTICLES_DIR", articles.toString());
        // Every browser comes from 127.0.0.1, and the browser classes run side by side: the per-address gates
        // (one page built at a time on two cores) would refuse one test's page because another's was building.
        env.put("RENDER_MAX_PER_ADDRESS", "16");
        env.put("PREVIEW_MAX_PER_ADDRESS", "16");
        env.put("SEARCH_MAX_PER_ADDRESS", "16");
        JarProcess started = JarProcess.start(folder, Map.copyOf(env));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-shared-forum"));
        return started;
    }

    /** A copy of the article that no other test has taken. */
    static Article freshArticle() {
        int n = taken.incrementAndGet();
        if (n > ARTICLES) {
            throw new IllegalStateException("The shared forum has " + ARTICLES + " copies of the article and all are "
                    + "taken: raise SharedForum.ARTICLES");
        }
        return new Article("/articles/" + slug(n), title(n));
    }

    private static String slug(int n) {
        return SLUG + "-" + n;
    }

    private static String title(int n) {
        return "Is Strategic Alliance Between Iran And Pakistan Possible? – Analysis (" + n + ")";
    }

    /** The bundled article under its own slug and title (the title tells the copies apart on the admin pages). */
    private static String copy(String bundled, int n) {
        String copy = bundled.replaceFirst("(?m)^slug: .*$", "slug: " + slug(n))
                .replaceFirst("(?m)^title: .*$", "title: \"" + title(n) + "\"");
        if (copy.equals(bundled) || !copy.contains("slug: " + slug(n)) || !copy.contains(title(n))) {
            throw new IllegalStateException("The bundled article's front matter has changed: " + BUNDLED);
        }
        return copy;
    }

    private static String bundled() {
        try (InputStream in = SharedForum.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SharedForum() {}
}
