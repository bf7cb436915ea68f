package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.browser.Forum.ARTICLE;
import static org.roundtable.browser.Forum.comment;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Readers in a real browser: reading, posting with and without JavaScript, replying, editing, reporting. */
class ReadingBrowserIT extends ForumTest {

    /** The home page leads straight to the article only when there is just one: this test has a forum of its own. */
    @Test
    void withoutJavaScriptAReaderFollowsTheContentsToProposalThreeAndFindsTheirCommentAtItsAnchor(@TempDir Path folder)
            throws Exception {
        try (var singleArticle = Forum.start(folder); var reader = Browser.open(singleArticle, false)) {
            reader.go("/");
            assertThat(reader.path()).isEqualTo(ARTICLE);

            reader.find(".toc a[href='#proposal-3']").click();
            assertThat(reader.path()).isEqualTo(ARTICLE + "#proposal-3");

            Forum.post(reader, "proposal-3-discussion", "Farid", "Start with the gas pipeline.");

            // A full page load after the 303, straight to the new comment's anchor on proposal 3's discussion page,
            // where its thread is open (under the article, it might sit among folded replies).
            assertThat(reader.path()).matches(ARTICLE + "/discussions/proposal-3#comment-\\d+");
            String anchor = reader.path().substring(reader.path().indexOf('#') + 1);
            WebElement posted = reader.find("#proposal-3-discussion article.comment#" + anchor);
            assertThat(posted.getText()).contains("Farid", "Start with the gas pipeline.");
        }
    }

    @Test
    void withJavaScriptAReaderRepliesInlineThreeDeepEditsDeletesAndReports() {
        try (var reader = Browser.open(forum, true)) {
            reader.go(article + "/discussions/proposal-3");
            Forum.post(reader, "proposal-3-discussion", "Farid", "Start with the gas pipeline.");
            WebElement parent = comment(reader, "Start with the gas pipeline.");
            assertThat(reader.path()).as("posted by fetch: the reader stays where they were")
                    .isEqualTo(article + "/discussions/proposal-3");

            for (int level = 1; level <= 3; level++) {
                String text = "Reply at level " + level + ".";
                replyInline(reader, parent, text);
                WebElement reply = comment(reader, text);
                assertThat(reply.findElements(By.xpath("ancestor::article[contains(@class, 'comment')]")))
                        .as("nested under its parent, %d levels deep", level).hasSize(level);
                parent = reply;
            }

            reader.find("#" + comment(reader, "Reply at level 2.").getAttribute("id") + " > .comment-actions a[href$='/edit']")
                    .click();
            reader.type(reader.find("#edit-body"), "Reply at level 2, corrected.");
            reader.submit(reader.find("main form.comment-form button[type=submit]"));
            WebElement edited = comment(reader, "Reply at level 2, corrected.");
            assertThat(edited.getText()).contains("edited");

            String deletedId = comment(reader, "Reply at level 3.").getAttribute("id");
            reader.find("#" + deletedId + " > .comment-actions .delete-button").click();
            reader.acceptConfirmation();
            assertThat(reader.await("main .notice").getText()).as("asked once, in the dialog, then told").contains("no longer shown");
            reader.go(article);
            assertThat(reader.find("body").getText()).doesNotContain("Reply at level 3.");
            assertThat(reader.findAll("#" + deletedId + " > .comment-body")).isEmpty();

            // The imported comment of 2018 is someone else's: it can be reported, not edited.
            WebElement imported = reader.find("#comments article.comment");
            reader.find(imported, ":scope > .comment-actions a.report-link").click();
            reader.find("input[name=reason]").click();
            reader.submit(reader.find("main form.comment-form button[type=submit]"));
            assertThat(reader.find(".thanks").getText()).isNotBlank();
        }
    }

    /**
     * A preview the server refuses (too long) must not leave the earlier preview standing, as if it had worked, and
     * its reason must be where the reader is looking, at 390 px; a later preview that works takes the reason away.
     */
    @Test
    void aRefusedPreviewSaysWhyWhereTheReaderIsAndLeavesNoStalePreview() {
        try (var reader = Browser.open(forum, true)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(article + "/discussions/proposal-1");
            WebElement form = Forum.form(reader, "proposal-1-discussion");
            WebElement box = reader.find(form, "textarea[name=body]");
            reader.type(box, "A *short* first thought");
            reader.find(form, "button[name=preview]").click();
            reader.await("#reply-proposal-1-top .comment-preview em");

            // As a person pastes a long text and adds to it.
            reader.script("arguments[0].value = 'a'.repeat(10000);", box);
            box.sendKeys("!");
            reader.find(form, "button[name=preview]").click();
            WebElement error = reader.await("#reply-proposal-1-top .form-error");
            assertThat(error.getText()).contains("10,001 characters long", "limit is 10,000");
            assertThat(reader.onScreen(error)).as("the reason is on the screen").isTrue();
            assertThat(reader.findAll("#reply-proposal-1-top .comment-preview")).as("no stale preview").isEmpty();
            assertThat(box.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(box.getAttribute("value")).hasSize(10_001);

            reader.type(box, "Shorter, *after all*");
            reader.find(form, "button[name=preview]").click();
            reader.await("#reply-proposal-1-top .comment-preview em");
            assertThat(reader.findAll("#reply-proposal-1-top .form-error")).as("the old reason is gone").isEmpty();
            assertThat(box.getAttribute("aria-invalid")).isNull();
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {false, true})
    void aReaderPreviewsTheirCommentBeforePostingIt(boolean javascript) {
        String words = "**Ports** first, see https://example.org/gwadar and ~~war~~";
        try (var reader = Browser.open(forum, javascript)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(article + "/discussions/proposal-1");
            WebElement form = Forum.form(reader, "proposal-1-discussion");
            reader.type(reader.find(form, "textarea[name=body]"), words);
            WebElement button = reader.find(form, "button[name=preview]");
            if (javascript) {
                button.click();
            } else {
                reader.submit(button);
            }
            WebElement preview = reader.await("#reply-proposal-1-top .comment-preview .comment-body");
            assertThat(reader.find(preview, "strong").getText()).isEqualTo("Ports");
            assertThat(reader.find(preview, "a").getAttribute("href")).isEqualTo("https://example.org/gwadar");
            assertThat(reader.find(preview, "del").getText()).isEqualTo("war");
            assertThat(reader.findAll("article.comment")).as("nothing posted yet").isEmpty();

            form = Forum.form(reader, "proposal-1-discussion");
            assertThat(reader.find(form, "textarea[name=body]").getAttribute("value")).isEqualTo(words);
            reader.submit(reader.find(form, "button[type=submit]:not([name])"));
            assertThat(reader.find(comment(reader, "Ports first, see https://example.org/gwadar and war"), "strong").getText())
                    .isEqualTo("Ports");
        }
    }

    @Test
    void persianAndUrduCommentsAreShownRightToLeft() {
        String persian = "به نظر من همکاری اقتصادی باید نخستین گام باشد.";
        String urdu = "میرے خیال میں دونوں ملکوں کو پہلے تجارت بڑھانی چاہیے۔";
        try (var reader = Browser.open(forum, true)) {
            reader.go(article);
            Forum.post(reader, "proposal-1-discussion", "مریم", persian);
            comment(reader, persian);
            Forum.post(reader, "proposal-1-discussion", "عائشہ", urdu);
            comment(reader, urdu);

            for (String text : new String[] {persian, urdu}) {
                WebElement posted = comment(reader, text);
                WebElement paragraph = reader.find(posted, ":scope > .comment-body > p");
                assertThat(paragraph.getAttribute("dir")).isEqualTo("auto");
                assertThat(paragraph.getCssValue("direction")).as("direction of %s", text).isEqualTo("rtl");
                assertThat(reader.find(posted, ".comment-author").getCssValue("direction")).isEqualTo("rtl");
            }
            // The English page around them stays left-to-right.
            assertThat(reader.find("h1").getCssValue("direction")).isEqualTo("ltr");
        }
    }

    @Test
    void theNameABrowserPostedUnderFillsItsNextFormsAndReplies() {
        try (var reader = Browser.open(forum, true)) {
            reader.go(article);
            Forum.post(reader, "proposal-1-discussion", "Sara", "Trade before treaties.");
            WebElement first = comment(reader, "Trade before treaties.");

            replyInline(reader, first, "And pipelines before trade.");
            WebElement reply = comment(reader, "And pipelines before trade.");
            assertThat(reader.find(reply, ".comment-author").getText()).as("the empty name field was filled").isEqualTo("Sara");

            reader.go(article);
            assertThat(Forum.form(reader, "proposal-2-discussion").findElement(By.cssSelector("input[name=name]")).getAttribute("value"))
                    .isEqualTo("Sara");
        }
    }

    @Test
    void withoutJavaScriptDeletingAsksOnAPageOfItsOwnAndSaysWhatHappened() {
        try (var reader = Browser.open(forum, false)) {
            reader.go(article);
            Forum.post(reader, "proposal-4-discussion", "Omid", "Second thoughts, to be deleted.");
            WebElement mine = comment(reader, "Second thoughts, to be deleted.");
            reader.submit(reader.find(mine, ":scope > .comment-actions .delete-button"));
            assertThat(reader.find("h1").getText()).isEqualTo("Delete your comment?");
            assertThat(reader.find("main blockquote").getText()).isEqualTo("Second thoughts, to be deleted.");

            // Its address opened again, as in a new tab: it asks again rather than answering "not possible".
            reader.go(reader.path());
            assertThat(reader.find("h1").getText()).isEqualTo("Delete your comment?");
            assertThat(reader.find("main blockquote").getText()).isEqualTo("Second thoughts, to be deleted.");

            reader.submit(reader.find("a.keep-link"));
            assertThat(reader.find("#proposal-4-discussion").getText()).as("kept").contains("Second thoughts, to be deleted.");

            mine = comment(reader, "Second thoughts, to be deleted.");
            reader.submit(reader.find(mine, ":scope > .comment-actions .delete-button"));
            reader.submit(reader.find("main form button.delete-button"));
            assertThat(reader.find("main .notice").getText()).contains("no longer shown");
            reader.submit(reader.find("main a[href*='/discussions/proposal-4']"));
            assertThat(reader.find("#proposal-4-discussion").getText()).doesNotContain("Second thoughts, to be deleted.");
        }
    }

    @Test
    void eachParagraphOfAMixedCommentTakesItsOwnDirection() {
        String english = "IP addresses decide nothing here.";
        String persian = "به نظر من همکاری اقتصادی باید نخستین گام باشد.";
        String quoted = "نقل قول از مقاله";
        try (var reader = Browser.open(forum, false)) {
            reader.go(article);
            Forum.post(reader, "proposal-5-discussion", "Leila", english + "\n\n" + persian + "\n\n> " + quoted);
            WebElement posted = reader.await(driver -> driver.findElements(By.cssSelector("article.comment")).stream()
                    .filter(c -> c.getText().contains(english)).findFirst().orElse(null));
            var paragraphs = posted.findElements(By.cssSelector(".comment-body > p"));
            assertThat(paragraphs.get(0).getCssValue("direction")).isEqualTo("ltr");
            assertThat(paragraphs.get(1).getCssValue("direction")).isEqualTo("rtl");
            WebElement quote = reader.find(posted, ".comment-body blockquote");
            assertThat(quote.getCssValue("direction")).isEqualTo("rtl");
            assertThat(quote.getCssValue("border-right-width")).as("the quote bar sits at the start: the right").isEqualTo("3px");
            reader.screenshot("mixed-persian-english-comment", Browser.PHONE_WIDTH);
        }
    }

    @Test
    void onAPhoneEachReportReasonIsALargeTargetWithItsButtonBesideItsWords() {
        try (var reader = Browser.open(forum, false)) {
            reader.go(article);
            // The comment of March 2018 that came with the article.
            String report = reader.find("#comments article.comment a[href$='/report']").getAttribute("href");
            reader.width(Browser.PHONE_WIDTH);
            reader.go(java.net.URI.create(report).getRawPath());
            assertThat(reader.find(".reported blockquote").getText()).startsWith("Zia al Haq saw Sunni Punjabis");
            for (WebElement choice : reader.findAll("label.choice")) {
                WebElement radio = reader.find(choice, "input[type=radio]");
                WebElement words = reader.find(choice, "span");
                assertThat(choice.getRect().getHeight()).as("target height").isGreaterThanOrEqualTo(44);
                assertThat(Math.abs(center(radio) - center(words))).as("button beside its words").isLessThanOrEqualTo(4);
            }
            reader.find("label.choice span").click();
            assertThat(reader.find("label.choice input[type=radio]").isSelected()).as("the words select the reason").isTrue();
            reader.screenshot("report-page", Browser.PHONE_WIDTH);
        }
    }

    private static int center(WebElement element) {
        return element.getRect().getY() + element.getRect().getHeight() / 2;
    }

    /**
     * Without JavaScript a preview or a refusal is a whole new page; on a phone it must open where the reader was
     * writing, screens down the article under proposal 2, not at its top.
     */
    @Test
    void aRefusedPostOrAPreviewIsShownAgainWhereTheReaderWasWritingWithTheReasonAndWhatWasTyped() {
        String longName = "N".repeat(81);
        try (var reader = Browser.open(forum, false)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(article);
            WebElement form = Forum.form(reader, "proposal-2-discussion");
            reader.type(reader.find(form, "textarea[name=body]"), "A *first* thought");
            reader.submit(reader.find(form, "button[name=preview]"));
            WebElement preview = reader.find("#proposal-2-discussion .comment-preview");
            assertThat(reader.find(preview, "em").getText()).isEqualTo("first");
            assertThat(reader.onScreen(preview)).as("the preview, where the page opens").isTrue();

            form = Forum.form(reader, "proposal-2-discussion");
            Forum.fillAndSend(reader, form, "Kamran", "");
            form = reader.find("form.comment-form:has(.form-error)");
            assertThat(reader.find(form, ".form-error").getText()).containsIgnoringCase("comment");
            assertThat(reader.find(form, "input[name=name]").getAttribute("value")).isEqualTo("Kamran");
            assertThat(reader.onScreen(reader.find(form, ".form-error"))).as("the reason, where the page opens").isTrue();

            Forum.fillAndSend(reader, form, longName, "Worth keeping, every word.");
            form = reader.find("form.comment-form:has(.form-error)");
            assertThat(reader.find(form, ".form-error").getText()).containsIgnoringCase("name");
            assertThat(reader.find(form, "input[name=name]").getAttribute("value")).isEqualTo(longName);
            WebElement kept = reader.find(form, "textarea[name=body]");
            assertThat(kept.getAttribute("value")).isEqualTo("Worth keeping, every word.");
            assertThat(reader.onScreen(reader.find(form, ".form-error"))).as("the reason").isTrue();
            assertThat(reader.onScreen(kept)).as("and the words kept, below it").isTrue();
        }
    }

    private static void replyInline(Browser reader, WebElement parent, String text) {
        String parentId = parent.getAttribute("id");
        reader.find("#" + parentId + " > .comment-actions a.reply-link").click();
        WebElement form = reader.await("#" + parentId + " > .inline-reply form");
        WebElement textarea = reader.find(form, "textarea[name=body]");
        assertThat(reader.focused()).as("the reply form takes focus").isEqualTo(textarea);
        textarea.sendKeys(text);
        reader.find(form, "button[type=submit]").click();
    }
}
