package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.JarProcess;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The private link as a person uses it: posted from one browser, opened in a fresh profile of another (with
 * JavaScript on and off), "Sign this browser in" clicked, and the comment edited there.
 */
class PrivateLinkBrowserIT extends ForumTest {

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {false, true})
    void onAPhoneTheFirstCommentsPrivateLinkIsOnScreenWhereTheReaderLands(boolean javascript) {
        try (var others = Browser.open(forum, false)) {
            // Other people's comments before it, so the new one lands far down its discussion's page.
            for (int i = 0; i < 6; i++) {
                others.go(article);
                Forum.post(others, "proposal-3-discussion", "Reza", "Earlier thought number " + i
                        + ", long enough to fill a good part of a phone screen. ".repeat(4));
            }
        }
        try (var phone = Browser.open(forum, javascript)) {
            phone.width(Browser.PHONE_WIDTH);
            phone.go(article);
            Forum.post(phone, "proposal-3-discussion", "Shirin", "My first comment here.");
            WebElement mine = Forum.comment(phone, "My first comment here.");
            assertThat(phone.path()).startsWith(article + "/discussions/proposal-3");
            WebElement notice = phone.find(mine, ".private-link");
            assertThat(phone.onScreen(notice)).as("seen where the reader lands, beside their comment").isTrue();
            assertThat(notice.getText()).contains("get a new private link");
            assertThat(phone.findAll(".private-link")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {false, true})
    void aPrivateLinkSignsAnotherBrowserInAndItsCommentCanBeEditedThere(boolean javascript) {
        String words = "Posted on my phone, " + (javascript ? "edited" : "to be edited") + " on my laptop.";
        String privateLink;
        try (var phone = Browser.open(forum, false)) {
            phone.go(article);
            Forum.post(phone, "proposal-2-discussion", "Nasrin", words);
            privateLink = URI.create(phone.find(".private-link a.private-link-url").getAttribute("href")).getRawPath();
        }
        try (var laptop = Browser.open(forum, javascript)) {
            laptop.go(privateLink);
            laptop.submit(laptop.find("main form button[type=submit]"));
            assertThat(laptop.find("main .notice").getText()).contains("This browser is signed in as the author");

            laptop.submit(laptop.find(".own-comments a[href$='/edit']"));
            laptop.type(laptop.find("textarea[name=body]"), words + " Now with a second thought.");
            laptop.submit(laptop.find("form.comment-form button[type=submit]"));
            laptop.go(article);
            assertThat(laptop.find("#proposal-2-discussion").getText()).contains("Now with a second thought.");
        }
    }

    /**
     * Once the edit window is over (here at once: a forum of this test's own, whose window is 0 minutes), the author's
     * comment offers no Helpful but "Get a new private link"; the link made there replaces the old one, which then
     * says so; and without JavaScript the footer leads there from every page.
     */
    @Test
    void afterTheWindowTheAuthorFindsANewPrivateLinkAndTheOldOneSaysItWasReplaced(@TempDir Path folder) throws Exception {
        var settings = new HashMap<>(Forum.SETTINGS);
        settings.put("EDIT_WINDOW_MINUTES", "0");
        try (var ownForum = JarProcess.start(folder, Map.copyOf(settings));
             var author = Browser.open(ownForum, true); var plain = Browser.open(ownForum, false)) {
            author.width(Browser.PHONE_WIDTH);
            author.go(Forum.ARTICLE);
            Forum.post(author, "proposal-2-discussion", "Leila", "Past my window at once.");
            String oldLink = URI.create(author.await(".private-link a.private-link-url").getAttribute("href")).getRawPath();
            author.go(Forum.ARTICLE + "/discussions/proposal-2");
            WebElement mine = Forum.comment(author, "Past my window at once.");
            WebElement renew = author.await(driver -> author.findAll(mine, ".comment-actions a[href='/authors/new-link']")
                    .stream().findFirst().orElse(null));
            assertThat(renew.getText()).isEqualTo("Get a new private link");
            assertThat(author.findAll(mine, ".helpful-button")).as("no Helpful on one's own comment").isEmpty();
            author.script("arguments[0].scrollIntoView({block: 'center'});", renew);
            assertThat(author.onScreen(renew)).isTrue();
            author.screenshot("own-comment-after-window", Browser.PHONE_WIDTH);

            author.submit(renew);
            author.submit(author.find("main form button[type=submit]"));
            assertThat(author.find("main .notice").getText()).contains("Here is your new private link");
            author.go(oldLink);
            assertThat(author.find("main").getText()).contains("This private link was replaced by a newer one");

            plain.go(Forum.ARTICLE);
            WebElement lost = plain.find("footer.site-footer a[href='/authors/new-link']");
            assertThat(lost.getText()).isEqualTo("Lost your private link?");
            plain.submit(lost);
            assertThat(plain.path()).isEqualTo("/authors/new-link");
        }
    }
}
