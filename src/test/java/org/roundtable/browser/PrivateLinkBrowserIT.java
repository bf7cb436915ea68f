package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
}
