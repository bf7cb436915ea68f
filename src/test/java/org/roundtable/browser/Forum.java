package org.roundtable.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.roundtable.JarProcess;

/** The packaged forum, and what readers do in it. */
final class Forum {

    /** The bundled article; tests on the shared forum each read and write a copy of it instead (see SharedForum). */
    static final String ARTICLE = "/articles/iran-pakistan-strategic-alliance";
    static final String ADMIN_PASSWORD = "correct horse battery staple";

    /** The settings browser tests run the jar with: the spam timers are off, since a test types faster than any person. */
    static final Map<String, String> SETTINGS = Map.of(
            "ADMIN_PASSWORD", ADMIN_PASSWORD,
            "SPAM_MIN_FILL_SECONDS", "0",
            "FLOOD_MIN_INTERVAL_SECONDS", "0",
            "FLOOD_MAX_PER_HOUR", "0",
            "DUPLICATE_WINDOW_SECONDS", "0",
            "BCRYPT_ROUNDS", "4");

    /** Starts the jar of a test's own in {@code folder}, on the database there (a fresh one unless the test filled it). */
    static JarProcess start(Path folder) throws IOException, InterruptedException {
        return JarProcess.start(folder, SETTINGS);
    }

    /**
     * The first "Leave a reply" form of the discussion in section {@code discussionId} (not an inline reply form),
     * opened as a reader opens it when it is folded away under "Write a comment".
     */
    static WebElement form(Browser browser, String discussionId) {
        WebElement form = browser.find("#" + discussionId + " > form.comment-form, #" + discussionId + " > details.compose > form");
        if (!form.isDisplayed()) {
            browser.find("#" + discussionId + " > details.compose > summary").click();
        }
        return form;
    }

    /**
     * The database file the jar started in {@code folder} uses (its default DATABASE_URL), its folder made, for
     * tests that fill it before the forum starts.
     */
    static Path databaseFile(Path folder) throws IOException {
        return Files.createDirectories(folder.resolve("data")).resolve("roundtable.db");
    }

    /** Fills in and sends the discussion's form, as a reader does. */
    static void post(Browser browser, String discussionId, String name, String body) {
        fillAndSend(browser, form(browser, discussionId), name, body);
    }

    static void fillAndSend(Browser browser, WebElement form, String name, String body) {
        browser.type(browser.find(form, "input[name=name]"), name);
        browser.type(browser.find(form, "textarea[name=body]"), body);
        browser.submit(browser.find(form, "button[type=submit]"));
    }

    /** The comment whose body reads {@code text}, once it is on the page. */
    static WebElement comment(Browser browser, String text) {
        return browser.await(driver -> driver.findElements(By.cssSelector("article.comment")).stream()
                .filter(c -> c.findElements(By.cssSelector(":scope > .comment-body")).stream()
                        .anyMatch(body -> body.getText().strip().equals(text)))
                .findFirst().orElse(null));
    }

    /** Signs a moderator in through the sign-in page. */
    static void signIn(Browser moderator) {
        moderator.go("/admin/login");
        moderator.type(moderator.find("#login-username"), "admin");
        moderator.type(moderator.find("#login-password"), ADMIN_PASSWORD);
        moderator.submit(moderator.find("main form button[type=submit]"));
    }

    private Forum() {}
}
