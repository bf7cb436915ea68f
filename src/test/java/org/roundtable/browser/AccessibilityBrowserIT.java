package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.roundtable.Reader;

/** Every page at phone and desktop width, checked by axe-core, used with the keyboard alone, in dark mode. */
class AccessibilityBrowserIT extends ForumTest {

    /** What the keyboard can reach; the honeypot field is kept out of the tab order on purpose. */
    private static final String FOCUSABLE = "a[href], button, select, textarea, summary, input:not([type=hidden]):not([tabindex='-1'])";

    /** A published comment, and one held for its three links, so the pages and the queue have content. */
    @BeforeEach
    void postAPublishedAndAHeldComment() {
        try (var reader = Browser.open(forum, false)) {
            reader.go(article);
            Forum.post(reader, "proposal-3-discussion", "Farid", "Start with the gas pipeline.");
            Forum.post(reader, "proposal-3-discussion", "Farid", "Then open the border markets. http://a.example http://b.example http://c.example");
        }
    }

    @Test
    void pagesFitAPhoneAndAreScreenshotAtBothWidths() {
        try (var reader = Browser.open(forum, true); var moderator = Browser.open(forum, true)) {
            Forum.signIn(moderator);
            for (int width : new int[] {Browser.DESKTOP_WIDTH, Browser.PHONE_WIDTH}) {
                check(reader, article, "article", width);
                check(reader, discussion(), "proposal-discussion", width);
                check(moderator, "/admin/queue?filter=all", "admin-queue", width);
                assertThat(moderator.find(".site-name").getRect().getX()).as("the site header lines up with the admin column")
                        .isEqualTo(moderator.find("main h1").getRect().getX());
            }
            moderator.go("/admin/login");
            assertThat(moderator.find(".site-name").getRect().getX()).isEqualTo(moderator.find("main h1").getRect().getX());
        }
    }

    /**
     * Every page axe checks, in light and in dark mode (the delete buttons' red once read only on white), and the
     * interface in one sans family beside the serif of what people wrote.
     */
    @Test
    void axeFindsNothingSeriousOnTheArticleADiscussionAnEditTheSignInPageAndTheQueueLightOrDark() {
        try (var reader = Browser.open(forum, true); var moderator = Browser.open(forum, true)) {
            reader.go(article);
            assertAccessibleLightAndDark(reader);
            assertThat(reader.find("head meta[name=description]").getAttribute("content"))
                    .as("what a search engine shows under the title: the standfirst").startsWith("To answer this question");
            reader.go(discussion());
            assertAccessibleLightAndDark(reader);
            assertInterfaceFont(reader, ".tally-text", ".stance-filter-label");
            WebElement others = Forum.comment(reader, "Start with the gas pipeline.");
            assertThat(textLeft(reader, reader.find(others, ".helpful-button")))
                    .as("\"▲ Helpful\" starts where the comment's words do")
                    .isCloseTo(textLeft(reader, reader.find(others, ".comment-body p")), within(1.0));

            Forum.post(reader, "proposal-3-discussion", "Parvin", "Mine, to be edited.");
            reader.find(Forum.comment(reader, "Mine, to be edited."), ":scope > .comment-actions a[href$='/edit']").click();
            WebElement timeLeft = reader.await(".time-left");
            assertThat(timeLeft.getText()).as("how long is left to edit").matches("1[45] minutes");
            assertThat(reader.onScreen(timeLeft)).isTrue();
            assertAccessibleLightAndDark(reader);
            assertInterfaceFont(reader, "button.delete-button");
            reader.go("/authors/new-link");
            assertInterfaceFont(reader, "main form button");

            moderator.go("/admin/login");
            assertAccessibleLightAndDark(moderator);
            Forum.signIn(moderator);
            moderator.go("/admin/queue?filter=all");
            assertThat(moderator.findAll(".queue-item")).isNotEmpty();
            assertAccessibleLightAndDark(moderator);
            for (String page : new String[] {"/admin", "/admin/audit", "/admin/bans", "/admin/articles", "/admin/blocklist",
                    "/admin/moderators"}) {
                moderator.go(page);
                assertAccessibleLightAndDark(moderator);
            }
        }
    }

    /** axe on the page in light mode, then in dark (where other colours are in play), and light again. */
    private static void assertAccessibleLightAndDark(Browser browser) {
        browser.assertAccessible();
        browser.prefer("prefers-color-scheme", "dark");
        try {
            browser.assertAccessible();
        } finally {
            browser.prefer("prefers-color-scheme", "light");
        }
    }

    /** Each of these is set in the interface's sans family, the headings' (not in the serif of the text). */
    private static void assertInterfaceFont(Browser browser, String... css) {
        String headings = browser.find("h1").getCssValue("font-family");
        for (String each : css) {
            assertThat(browser.find(each).getCssValue("font-family")).as("the font of %s", each).isEqualTo(headings);
        }
    }

    /** Where the first letter of an element's text starts on the screen, in CSS pixels. */
    private static double textLeft(Browser browser, WebElement element) {
        return ((Number) browser.script("const range = document.createRange(); range.selectNodeContents(arguments[0]);"
                + "return range.getClientRects()[0].left;", element)).doubleValue();
    }

    @Test
    void theKeyboardReachesEveryControlWithVisibleFocusAndTheInlineReplyTakesAndGivesBackFocus() {
        try (var reader = Browser.open(forum, true)) {
            reader.go(discussion());
            assertEveryControlIsReachedWithVisibleFocus(reader);

            reader.width(Browser.PHONE_WIDTH);
            reader.go(discussion());
            WebElement replyLink = tabTo(reader, "a.reply-link");
            reader.press(Keys.ENTER);
            WebElement textarea = reader.await(".inline-reply textarea");
            assertThat(reader.focused()).as("the reply form takes focus").isEqualTo(textarea);
            var post = reader.find(".inline-reply button[type=submit]:not([name])").getRect();
            var cancel = reader.find(".inline-reply .cancel-reply").getRect();
            assertThat(cancel.getX() == post.getX() || cancel.getY() == post.getY())
                    .as("Cancel in line with Post comment, beside it or under it: %s and %s", cancel, post).isTrue();
            tabTo(reader, ".inline-reply .cancel-reply");
            reader.press(Keys.ENTER);
            assertThat(reader.findAll(".inline-reply")).isEmpty();
            assertThat(reader.focused()).as("focus goes back to the Reply link").isEqualTo(replyLink);

            textarea = reader.find("#proposal-3-discussion > form.comment-form textarea");
            tabTo(reader, "#proposal-3-discussion > form.comment-form textarea");
            textarea.sendKeys("Typed and sent with the keyboard alone.");
            tabTo(reader, "#proposal-3-discussion > form.comment-form button[type=submit]");
            reader.press(Keys.ENTER);
            Forum.comment(reader, "Typed and sent with the keyboard alone.");
        }
    }

    @Test
    void aModeratorWorksTheQueueWithTheKeyboardAlone() {
        // A comment of this test's own waits for the moderator (three links hold it): the shared forum's queue holds
        // whatever the other tests posted last, which need not offer Approve on its first page.
        String word = "wombat" + article.replaceAll("[^0-9]", "");
        Reader writer = Reader.at(forum);
        Reader.postedId(writer.submit(writer.open(article), "#reply-general",
                Map.of("body", word + ": https://a.example https://b.example https://c.example")));
        try (var moderator = Browser.open(forum, true)) {
            moderator.go("/admin/login");
            tabTo(moderator, "#login-username").sendKeys("admin");
            tabTo(moderator, "#login-password").sendKeys(Forum.ADMIN_PASSWORD);
            moderator.press(Keys.ENTER);
            moderator.go("/admin/queue?filter=all");
            assertEveryControlIsReachedWithVisibleFocus(moderator);

            moderator.go("/admin/queue?filter=held&q=" + word);
            WebElement approve = tabTo(moderator, ".queue-item form:has(input[value=approve]) button");
            String item = approve.findElement(By.xpath("ancestor::li[contains(@class, 'queue-item')]")).getAttribute("id");
            moderator.press(Keys.ENTER);
            moderator.awaitReplaced(approve);
            assertThat(moderator.find(".notice").getText()).isEqualTo("Comment " + item.substring("queue-".length()) + " approved.");
            assertThat(moderator.findAll("#" + item)).as("no longer held").isEmpty();
            moderator.go("/admin/queue?filter=all&q=" + word);
            assertThat(moderator.find("#" + item + " .badge").getText()).isEqualTo("published");
        }
    }

    @Test
    void darkModeAndReducedMotionAreRespected() {
        try (var reader = Browser.open(forum, true)) {
            reader.go(article);
            reader.prefer("prefers-color-scheme", "light");
            double light = luminance(reader.find("body").getCssValue("background-color"));
            reader.prefer("prefers-color-scheme", "dark");
            double dark = luminance(reader.find("body").getCssValue("background-color"));
            double darkText = luminance(reader.find("body").getCssValue("color"));
            assertThat(light).isGreaterThan(0.8);
            assertThat(dark).isLessThan(0.2);
            assertThat(darkText).as("light text on the dark background").isGreaterThan(0.6);

            // A link into a long page jumps to its target, motion or no: smooth scrolling through 10,000 px is not kind.
            reader.prefer("prefers-reduced-motion", "no-preference");
            assertThat(reader.find("html").getCssValue("scroll-behavior")).isEqualTo("auto");
            reader.prefer("prefers-reduced-motion", "reduce");
            assertThat(reader.find("html").getCssValue("scroll-behavior")).isEqualTo("auto");
        }
    }

    /** Proposal 3's discussion page, where the comments posted before each test are. */
    private String discussion() {
        return article + "/discussions/proposal-3";
    }

    private static void check(Browser browser, String path, String name, int width) {
        browser.width(width);
        browser.go(path);
        browser.screenshot(name, width);
        assertThat(browser.horizontalOverflow()).as("%s scrolls sideways at %d px", path, width).isZero();
    }

    /** Tabs through the whole page: every visible control is reached, and each shows where focus is. */
    private static void assertEveryControlIsReachedWithVisibleFocus(Browser browser) {
        // A group of radio buttons is one stop for Tab (its chosen button, or its first when none is chosen); arrows
        // move within it.
        List<WebElement> controls = browser.findAll(FOCUSABLE).stream().filter(WebElement::isDisplayed)
                .filter(control -> !Boolean.TRUE.equals(browser.script("const el = arguments[0];"
                        + "if (el.type !== 'radio' || !el.form) return false;"
                        + "const group = [...el.form.elements].filter(e => e.type === 'radio' && e.name === el.name);"
                        + "return (group.find(e => e.checked) || group[0]) !== el;", control)))
                .toList();
        Set<WebElement> reached = new LinkedHashSet<>();
        List<String> invisible = new ArrayList<>();
        for (int i = 0; i < controls.size() + 5; i++) {
            browser.tab();
            WebElement focused = browser.focused();
            if (focused.getTagName().equals("body")) {
                continue; // Past the last control, focus leaves the page for the browser's own controls.
            }
            reached.add(focused);
            String outline = focused.getCssValue("outline-style");
            if ("none".equals(outline) || "0px".equals(focused.getCssValue("outline-width"))) {
                invisible.add(focused.getTagName() + " " + focused.getText());
            }
        }
        assertThat(reached).as("controls reached with Tab").containsAll(controls);
        assertThat(invisible).as("controls focused without a visible outline").isEmpty();
    }

    /** Presses Tab until {@code css} has focus; fails if it never does. */
    private static WebElement tabTo(Browser browser, String css) {
        WebElement target = browser.find(css);
        for (int i = 0; i < 500 && !target.equals(browser.focused()); i++) {
            browser.tab();
        }
        assertThat(browser.focused()).as("Tab reaches %s", css).isEqualTo(target);
        return target;
    }

    /** Relative luminance (0 black, 1 white) of a CSS rgb()/rgba() colour. */
    private static double luminance(String cssColor) {
        String[] parts = cssColor.replaceAll("[^0-9.,]", "").split(",");
        double[] channel = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
    }
}
