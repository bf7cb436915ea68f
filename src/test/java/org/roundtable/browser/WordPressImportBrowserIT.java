package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.browser.Forum.ARTICLE;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.roundtable.app.App;
import org.roundtable.app.Config;
import org.roundtable.JarProcess;
import org.roundtable.db.Database;
import org.roundtable.wxr.WxrImporter;

/** WordPress's own test comments, imported, as a reader sees them on a phone: formatted, never as tags. */
@Execution(ExecutionMode.CONCURRENT)
class WordPressImportBrowserIT {

    @TempDir
    static Path folder;
    static JarProcess forum;

    @BeforeAll
    static void importAndStart() throws Exception {
        String url = "jdbc:sqlite:" + Forum.databaseFile(folder);
        Path export = folder.resolve("theme-unit-test.xml");
        try (InputStream in = WordPressImportBrowserIT.class.getResourceAsStream("/wxr/theme-unit-test-comments.xml")) {
            Files.write(export, in.readAllBytes());
        }
        try (Database database = Database.open(url, Duration.ofSeconds(30))) {
            App.importArticles(Config.fromMap(Map.of("DATABASE_URL", url)), database, Clock.systemUTC());
            new WxrImporter(database.jdbi(), Clock.systemUTC()).importComments(export, Optional.empty(), Optional.of("1148"));
        }
        forum = Forum.start(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        if (forum != null) {
            forum.close();
        }
    }

    @Test
    void importedCommentsReadAsTheyDidInWordPressOnAPhone() {
        try (var reader = Browser.open(forum, false)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(ARTICLE + "/discussions/general");
            String text = reader.find("#comments").getText();
            assertThat(text).contains("Headings", "Stay hungry. Stay foolish.", "Author Comment.")
                    .doesNotContain("<strong>", "<h1>", "<em>", "</a>");
            WebElement indented = reader.findAll("#comments article.comment").stream()
                    .filter(c -> c.getText().startsWith("Anonymous User")).findFirst().orElseThrow();
            assertThat(indented.findElements(By.cssSelector(".comment-body pre"))).as("indented lines are not code").isEmpty();
            assertThat(reader.findAll("#comments .author-badge")).isNotEmpty();
            assertThat(reader.horizontalOverflow()).as("nothing wider than the phone").isZero();
            reader.screenshot("imported-wordpress-comments", Browser.PHONE_WIDTH);
        }
    }
}
