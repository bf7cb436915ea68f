package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What readers of mature forums expect, in a real browser at phone width: helpful, quote, what's new, search. */
class ReaderHabitsBrowserIT extends ForumTest {


    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {false, true})
    void aReaderMarksACommentHelpfulAndTakesItBack(boolean javascript) {
        try (var writer = Browser.open(forum, true); var reader = Browser.open(forum, javascript)) {
            writer.go(article);
            Forum.post(writer, "proposal-2-discussion", "Sara", "Trade first, then security.");
            Forum.comment(writer, "Trade first, then security.");

            reader.width(Browser.PHONE_WIDTH);
            reader.go(proposal2());
            WebElement comment = Forum.comment(reader, "Trade first, then security.");
            assertThat(reader.find(comment, ".comment-meta svg.identicon").isDisplayed()).as("a face beside the name").isTrue();
            WebElement button = helpfulButton(reader);
            assertThat(button.getText()).isEqualTo("▲ Helpful");
            // Where a reader would have it, mid-screen, before pressing it.
            Object scrolledTo = reader.script("arguments[0].scrollIntoView({block: 'center'}); return window.scrollY;", button);
            if (javascript) {
                // From the keyboard: a click on the words, Tab to the button, Enter; focus stays for Space to take it back.
                reader.find(comment, ".comment-body p").click();
                reader.tab();
                assertThat(reader.focused()).isEqualTo(button);
                reader.press(Keys.ENTER);
                awaitSettled(reader, awaitPressed(reader, true));
                assertThat(reader.focused()).as("focus stays on the button").isEqualTo(helpfulButton(reader));
                reader.press(Keys.SPACE);
                awaitSettled(reader, awaitPressed(reader, false));
                reader.press(Keys.ENTER);
            } else {
                press(reader, button, false);
            }

            button = awaitPressed(reader, true);
            assertThat(button.getText()).isEqualTo("▲ Helpful (1)");
            if (javascript) {
                assertThat(reader.script("return window.scrollY;")).as("the page stays put").isEqualTo(scrolledTo);
            } else {
                assertThat(reader.find(".helpful-note").getText()).contains("Press the button again to take it back");
            }
            assertThat(reader.onScreen(button)).as("where they pressed it").isTrue();
            reader.assertAccessible();
            reader.screenshot("helpful-js-" + javascript, Browser.PHONE_WIDTH);

            reader.go(proposal2());
            if (javascript) {
                // The shared page is everyone's; the script asks which buttons this browser pressed.
                button = awaitPressed(reader, true);
            } else {
                // Without a script, a later visit cannot show it; pressing again keeps the one mark and says so.
                reader.forgetCookie("rt_marked");
                reader.go(proposal2());
                press(reader, awaitPressed(reader, false), false);
                button = awaitPressed(reader, true);
                assertThat(button.getText()).as("still one mark").isEqualTo("▲ Helpful (1)");
            }
            press(reader, button, javascript);
            button = awaitPressed(reader, false);
            assertThat(button.getText()).isEqualTo("▲ Helpful");
            assertThat(reader.horizontalOverflow()).isZero();
        }
    }

    private String proposal2() {
        return article + "/discussions/proposal-2";
    }

    private static WebElement helpfulButton(Browser reader) {
        return reader.find(Forum.comment(reader, "Trade first, then security."), "button.helpful-button");
    }

    /** The comment's Helpful button once it shows {@code pressed}. */
    private static WebElement awaitPressed(Browser reader, boolean pressed) {
        return reader.await(driver -> {
            WebElement button = helpfulButton(reader);
            return String.valueOf(pressed).equals(button.getAttribute("aria-pressed")) ? button : null;
        });
    }

    /** {@code button} once its mark has been sent (busy no more). */
    private static WebElement awaitSettled(Browser reader, WebElement button) {
        return reader.await(driver -> button.getAttribute("aria-busy") == null ? button : null);
    }

    @Test
    void selectedWordsAreQuotedInTheReplyAndWithoutJavaScriptTheWholeComment() {
        try (var writer = Browser.open(forum, true); var reader = Browser.open(forum, true); var plain = Browser.open(forum, false)) {
            writer.go(article);
            Forum.post(writer, "proposal-2-discussion", "Sara", "Gwadar and Chabahar can be partners, not rivals.");
            Forum.comment(writer, "Gwadar and Chabahar can be partners, not rivals.");

            reader.width(Browser.PHONE_WIDTH);
            reader.go(proposal2());
            WebElement comment = Forum.comment(reader, "Gwadar and Chabahar can be partners, not rivals.");
            reader.script("arguments[0].scrollIntoView({block: 'center'});", comment);
            reader.tripleClick(reader.find(comment, ".comment-body p"));
            WebElement offered = reader.await("article.comment .comment-actions .quote-button");
            assertThat(reader.onScreen(offered)).as("a triple-clicked paragraph is offered for quoting").isTrue();
            offered.click();
            assertThat(reader.await(".inline-reply textarea").getAttribute("value"))
                    .isEqualTo("> Gwadar and Chabahar can be partners, not rivals.\n\n");

            reader.go(proposal2());
            comment = Forum.comment(reader, "Gwadar and Chabahar can be partners, not rivals.");
            reader.script("const text = arguments[0].querySelector('p').firstChild;"
                    + "const range = document.createRange(); range.setStart(text, 0); range.setEnd(text, 6);"
                    + "getSelection().removeAllRanges(); getSelection().addRange(range);", reader.find(comment, ".comment-body"));
            reader.await("article.comment .comment-actions .quote-button");
            reader.find("h1").click();
            reader.await(driver -> reader.findAll(".quote-button").isEmpty() ? true : null);

            reader.script("const text = arguments[0].querySelector('p').firstChild;"
                    + "const range = document.createRange(); range.setStart(text, 0); range.setEnd(text, 19);"
                    + "getSelection().removeAllRanges(); getSelection().addRange(range);", reader.find(comment, ".comment-body"));
            WebElement quote = reader.await("article.comment .comment-actions .quote-button");
            assertThat(quote.getText()).isEqualTo("Quote");
            quote.click();
            WebElement field = reader.await(".inline-reply textarea");
            assertThat(field.getAttribute("value")).isEqualTo("> Gwadar and Chabahar\n\n");
            assertThat(reader.focused()).isEqualTo(field);
            reader.assertAccessible();

            plain.width(Browser.PHONE_WIDTH);
            plain.go(proposal2());
            plain.find(Forum.comment(plain, "Gwadar and Chabahar can be partners, not rivals."), "a.reply-link").click();
            plain.find("#reply .quote-link a").click();
            assertThat(plain.find("#reply-form textarea").getAttribute("value"))
                    .isEqualTo("> Gwadar and Chabahar can be partners, not rivals.\n\n");
        }
    }

    @Test
    void aSecondVisitMarksWhatIsNewAndLeadsToIt() {
        try (var writer = Browser.open(forum, true); var reader = Browser.open(forum, true)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(article);
            assertThat(reader.findAll(".new-badge")).as("nothing is new on a first visit").isEmpty();

            writer.go(article);
            Forum.post(writer, "proposal-2-discussion", "Omid", "A port for both.");
            Forum.comment(writer, "A port for both.");
            writer.go(article);
            Forum.post(writer, "comments", "Omid", "A general remark.");
            Forum.comment(writer, "A general remark.");

            reader.go(article);
            WebElement fresh = Forum.comment(reader, "A port for both.");
            // Marked once the script knows which comments are the reader's own.
            assertThat(reader.await("#" + fresh.getAttribute("id") + " > .comment-meta .new-badge").getText()).isEqualToIgnoringCase("new");
            assertThat(reader.find(".toc li[data-discussion=proposal-2] .new-count").getText()).isEqualTo("1 new");
            assertNeverBreaks(reader, ".toc li[data-discussion=proposal-2] .new-count");
            assertThat(reader.find(".toc li[data-discussion=general] .new-count").getText()).isEqualTo("1 new");
            assertThat(reader.findAll(".toc li[data-discussion=proposal-1] .new-count")).isEmpty();
            reader.find("#proposal-2-discussion .jump-to-new a").click();
            assertThat(reader.path()).endsWith("#" + fresh.getAttribute("id"));
            assertThat(reader.onScreen(reader.find(fresh, ":scope > .comment-meta"))).isTrue();
            reader.assertAccessible();
            reader.screenshot("whats-new", Browser.PHONE_WIDTH);

            reader.go(article);
            assertThat(reader.findAll(".new-badge")).as("seen now").isEmpty();

            // Proposal 2's preview under the article is full; the reader writes a reply, and another comes after it.
            for (String words : new String[] {"Second thought.", "Third thought."}) {
                writer.go(article);
                Forum.post(writer, "proposal-2-discussion", "Omid", words);
                Forum.comment(writer, words);
            }
            reader.go(proposal2());
            Forum.post(reader, "proposal-2-discussion", "Leila", "My own reply.");
            Forum.comment(reader, "My own reply.");
            writer.go(article);
            Forum.post(writer, "proposal-2-discussion", "Omid", "Past the preview.");
            Forum.comment(writer, "Past the preview.");

            reader.go(article);
            assertThat(reader.await(".toc li[data-discussion=proposal-2] .new-count").getText()).endsWith("new");
            reader.find("#proposal-2-discussion .more-threads a").click();
            WebElement unseen = Forum.comment(reader, "Past the preview.");
            reader.await("#" + unseen.getAttribute("id") + " > .comment-meta .new-badge");
            assertThat(reader.findAll(Forum.comment(reader, "My own reply."), ":scope > .comment-meta .new-badge"))
                    .as("one's own comment is not new to one").isEmpty();
            WebElement jump = reader.find(".jump-to-new a");
            assertThat(jump.getText()).isEqualTo("Jump to the new comment");
            jump.click();
            assertThat(reader.path()).endsWith("#" + unseen.getAttribute("id"));
            assertThat(reader.onScreen(reader.find(unseen, ":scope > .comment-meta"))).isTrue();
        }
    }

    @Test
    void aReaderSearchesThePersianCommentsOnAPhone() {
        try (var writer = Browser.open(forum, true); var reader = Browser.open(forum, false)) {
            writer.go(article);
            Forum.post(writer, "proposal-1-discussion", "سارا", "همکاری اقتصادی میان ایران و پاکستان ممکن است");
            Forum.comment(writer, "همکاری اقتصادی میان ایران و پاکستان ممکن است");

            reader.width(Browser.PHONE_WIDTH);
            reader.go(article);
            WebElement box = reader.find("form.search-form input[name=q]");
            reader.type(box, "همكاري"); // typed with Arabic kaf and yeh
            reader.submit(reader.find("form.search-form button"));
            assertThat(reader.path()).isEqualTo(article + "/search");
            WebElement result = reader.find(".search-result");
            assertThat(reader.find(".search-count").getText()).isEqualTo("1 comment matches.");
            assertThat(reader.onScreen(reader.find(".search-count"))).isTrue();
            assertThat(reader.find(result, "mark").getText()).isEqualTo("همکاری");
            assertThat(reader.find(result, ".search-excerpt").getAttribute("dir")).isEqualTo("auto");
            assertThat(reader.onScreen(result)).isTrue();
            assertThat(reader.horizontalOverflow()).isZero();
            reader.assertAccessible();
            reader.screenshot("search", Browser.PHONE_WIDTH);
            reader.find(result, ".search-result-meta a").click();
            assertThat(reader.path()).startsWith(article + "/comments/");
        }
    }

    /** At every phone width from 300 to 428 px, {@code css} is on one line: "1 new" never parts. */
    private static void assertNeverBreaks(Browser reader, String css) {
        WebElement element = reader.find(css);
        for (int width = 300; width <= 428; width += 4) {
            reader.width(width);
            assertThat(reader.script("return arguments[0].getClientRects().length;", element))
                    .as("lines of %s at %d px", css, width).isEqualTo(1L);
        }
        reader.width(Browser.PHONE_WIDTH);
    }

    /** Presses a form's button: without JavaScript the answer replaces the page; with it, the page stays. */
    private static void press(Browser reader, WebElement button, boolean javascript) {
        if (javascript) {
            button.click();
        } else {
            reader.submit(button);
        }
    }
}
