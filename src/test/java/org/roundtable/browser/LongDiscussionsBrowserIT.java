package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.browser.Forum.ARTICLE;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.roundtable.JarProcess;
import org.roundtable.bench.Seed;

/**
 * The article when its discussions are full: about 150 comments in each, of every length, threaded up to eight
 * deep, read on a phone. The article must stay readable between its discussions, and their pages must lead
 * through all of them.
 */
@Execution(ExecutionMode.CONCURRENT)
class LongDiscussionsBrowserIT {

    /** Two phone screens at 390 px: from the end of one proposal's text to the next proposal's heading. */
    static final int BUDGET_PX = 1_700;

    @TempDir
    static Path folder;
    static JarProcess forum;

    @BeforeAll
    static void seedAndStart() throws Exception {
        Seed.main(new String[] {Forum.databaseFile(folder).toString(), "900"});
        forum = Forum.start(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        if (forum != null) {
            forum.close();
        }
    }

    @Test
    void onAPhoneEveryProposalHeadingIsWithinTwoScreensOfThePreviousProposalsText() {
        try (var reader = Browser.open(forum, false)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(ARTICLE);
            for (int n = 1; n <= 4; n++) {
                WebElement text = reader.find("#proposal-" + n + " .proposal-text");
                WebElement nextHeading = reader.find("#proposal-" + (n + 1) + "-title");
                int textEnd = text.getRect().getY() + text.getRect().getHeight();
                int gap = nextHeading.getRect().getY() - textEnd;
                System.out.printf("Proposal %d: its discussion takes %d px at 390 px%n", n, gap);
                assertThat(gap).as("proposal %d's discussion, at 390 px", n).isLessThanOrEqualTo(BUDGET_PX);
                assertThat(reader.find("#proposal-" + n + "-discussion .more-threads a").getText())
                        .matches("Read all \\d+ comments on proposal " + n + " →");
            }
            System.out.printf("The article page with ~150 comments per proposal: %s px tall at 390 px%n",
                    reader.script("return document.documentElement.scrollHeight"));
            reader.screenshot("article-150-comments-per-proposal", Browser.PHONE_WIDTH);
        }
    }

    /**
     * The article shows no replies (they made it 9,000 elements and slow on a phone): a thread's "N replies →" leads
     * to the thread on its discussion's page, where its replies are open and fold with the keyboard, without
     * JavaScript.
     */
    @Test
    void aThreadsRepliesAreReadOnItsDiscussionPageReachedFromTheArticleWithTheKeyboard() {
        try (var reader = Browser.open(forum, false)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(ARTICLE);
            assertThat(reader.findAll("#proposal-1-discussion article.comment article.comment")).as("no replies on the article")
                    .isEmpty();
            WebElement toReplies = reader.find("#proposal-1-discussion .threads > ol > li > article > .continue-thread a");
            String thread = (String) reader.script("return arguments[0].closest('article.comment').id;", toReplies);
            String count = toReplies.getText();
            assertThat(count).matches("\\d+ repl(y|ies) →");

            toReplies.sendKeys(Keys.ENTER);
            reader.awaitReplaced(toReplies);
            assertThat(reader.path()).isEqualTo(ARTICLE + "/discussions/proposal-1#" + thread);
            WebElement replies = reader.find("#" + thread + " > details.replies-toggle");
            WebElement firstReply = reader.find(replies, "article.comment");
            assertThat(reader.onScreen(reader.find("#" + thread + " > .comment-meta"))).as("the thread at the top of the screen").isTrue();
            assertThat(firstReply.isDisplayed()).as("its replies open").isTrue();
            assertThat(reader.find(replies, "summary").getText()).isEqualTo(count.replace(" →", ""));

            WebElement summary = reader.find(replies, "summary");
            summary.sendKeys(Keys.ENTER);
            assertThat(firstReply.isDisplayed()).as("folded with Enter").isFalse();
            summary.sendKeys(Keys.ENTER);
            assertThat(firstReply.isDisplayed()).as("opened again").isTrue();
        }
    }

    @Test
    void theFullDiscussionIsReachedFromThePreviewAndPagedWithNumbers() {
        try (var reader = Browser.open(forum, false)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(ARTICLE);
            reader.submit(reader.find("#proposal-2-discussion .more-threads a"));
            assertThat(reader.path()).isEqualTo(ARTICLE + "/discussions/proposal-2");
            assertThat(reader.find(".page-count").getText()).matches("Page 1 of [2-9]");
            assertThat(reader.findAll("details.replies-toggle:not([open])")).as("replies open on its own pages").isEmpty();
            String firstOnPageOne = reader.find(".threads > ol > li > article").getAttribute("id");

            // Past the search, the heading, the tally and the whole proposal: the next page opens at its threads, and
            // the keyboard goes on from there rather than from "Skip to content".
            reader.submit(reader.find("nav.pagination a[rel=next]"));
            assertThat(reader.find(".page-count").getText()).startsWith("Page 2 of");
            assertThat(reader.find(".threads > ol > li > article").getAttribute("id")).isNotEqualTo(firstOnPageOne);
            assertOpensAtTheThreads(reader);
            reader.submit(reader.find("nav.pagination a[rel=prev]"));
            assertThat(reader.find(".threads > ol > li > article").getAttribute("id")).isEqualTo(firstOnPageOne);
            assertOpensAtTheThreads(reader);
            assertThat(reader.horizontalOverflow()).as("nothing wider than the phone").isZero();

            reader.submit(reader.find("nav.pagination a[aria-label='Page 2']"));
            assertThat(reader.find(".page-count").getText()).startsWith("Page 2 of");
            assertOpensAtTheThreads(reader);
            reader.submit(reader.find(".stance-filter a[href*='stance=against']"));
            assertThat(reader.onScreen(reader.find(".filter-notice"))).as("what the list shows, where it opens").isTrue();
            assertOpensAtTheThreads(reader);
        }
    }

    private static void assertOpensAtTheThreads(Browser reader) {
        WebElement threads = reader.find("#threads");
        // At the top of the screen, or as near as the page scrolls when little of it follows the list.
        assertThat((Boolean) reader.script("const top = arguments[0].getBoundingClientRect().top;"
                + "const scrolledToEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;"
                + "return (top >= 0 && top <= 24) || (scrolledToEnd && top > 0 && top < window.innerHeight / 2);", threads))
                .as("the list of threads opens at the top of the screen").isTrue();
        reader.tab();
        WebElement focused = reader.focused();
        assertThat(focused.getText()).isNotEqualTo("Skip to content");
        assertThat((Boolean) reader.script("return arguments[0].contains(arguments[1]);", threads, focused))
                .as("Tab goes on from the list, not from the top of the page: %s", focused.getText()).isTrue();
    }
}
