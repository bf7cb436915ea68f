package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.browser.Forum.ARTICLE;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The private link as a person uses it: posted from one browser, opened in a fresh profile of another (with
 * JavaScript on and off), "Sign this browser in" clicked, and the comment edited there.
 */
class PrivateLinkBrowserIT extends ForumTest {

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {false, true})
    void aPrivateLinkSignsAnotherBrowserInAndItsCommentCanBeEditedThere(boolean javascript) {
        String words = "Posted on my phone, " + (javascript ? "edited" : "to be edited") + " on my laptop.";
        String privateLink;
        try (var phone = Browser.open(forum, false)) {
            phone.go(ARTICLE);
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
            laptop.go(ARTICLE);
            assertThat(laptop.find("#proposal-2-discussion").getText()).contains("Now with a second thought.");
        }
    }
}
