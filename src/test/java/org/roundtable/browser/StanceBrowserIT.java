package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Readers take a stance on a proposal in a real browser, and see where each proposal stands. */
class StanceBrowserIT extends ForumTest {

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {false, true})
    void aReaderPostsWithAStanceAndSeesItCountedOnTheArticle(boolean javascript) {
        try (var reader = Browser.open(forum, javascript)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(article);
            WebElement form = Forum.form(reader, "proposal-2-discussion");
            // A pick made by mistake is taken back, as on the edit form, before the one meant.
            WebElement noStance = reader.find(form, "input[name=stance][value='']");
            assertThat(noStance.isSelected()).as("no stance until one is picked").isTrue();
            reader.find(form, "input[name=stance][value=for]").click();
            WebElement noStanceWords = reader.find(form, "label.choice:has(input[value='']) span:last-child");
            assertThat(noStanceWords.getRect().getX()).as("its words in line with the other choices'")
                    .isEqualTo(reader.find(form, "label.choice:has(input[value=for]) span:last-child").getRect().getX());
            noStanceWords.click();
            assertThat(noStance.isSelected()).as("\"No stance\" takes the pick back").isTrue();
            assertThat(reader.find(form, "input[name=stance][value=for]").isSelected()).isFalse();
            reader.find(form, "input[name=stance][value=against]").click();
            Forum.fillAndSend(reader, form, "Leyla", "Not before the border is calm.");
            WebElement posted = Forum.comment(reader, "Not before the border is calm.");
            WebElement stance = reader.find(posted, ".stance");
            assertThat(stance.isDisplayed()).isTrue();
            assertThat(stance.getText()).contains("✗", "Against");

            reader.go(article);
            WebElement tally = reader.find("#proposal-2 > .tally");
            assertThat(tally.getAttribute("data-tally-against")).isEqualTo("1");
            assertThat(tally.getText()).contains("0 for, 1 against, 0 undecided — 1 person");
            assertThat(reader.find(".toc .tally-line").getText()).contains("1 against");
            assertThat(reader.horizontalOverflow()).isZero();
        }
    }

    /**
     * An author turns from Against to For and rewrites a passage: the history says how the stance changed, and shows
     * each rewrite as one run struck out beside one underlined, apart from each other, in light and dark. (JavaScript
     * is on only because axe-core waits out its 30-second script timeout without it; the pages are plain HTML.)
     */
    @Test
    void anAuthorsChangeOfStanceIsInTheHistoryAndARewriteReadsAsTwoRuns() {
        try (var reader = Browser.open(forum, true)) {
            reader.width(Browser.PHONE_WIDTH);
            reader.go(article);
            WebElement form = Forum.form(reader, "proposal-2-discussion");
            reader.find(form, "input[name=stance][value=against]").click();
            Forum.fillAndSend(reader, form, "Leyla", "I am sure Iran will not agree to it.");
            String id = Forum.comment(reader, "I am sure Iran will not agree to it.").getAttribute("id");
            reader.find("#" + id + " > .comment-actions a[href$='/edit']").click();
            reader.find("input[name=stance][value=for]").click();
            reader.type(reader.find("#edit-body"), "I was sure Pakistan would agree to it.");
            reader.submit(reader.find("main form.comment-form button[type=submit]"));
            reader.find("#" + id + " a.edited").click();

            WebElement stance = reader.find("#version-2 .version-stance");
            assertThat(stance.getText()).isEqualTo("Stance: Against → For");
            assertThat(reader.onScreen(stance)).as("the change of stance is on the first screen").isTrue();
            List<WebElement> removed = reader.findAll("#version-2 .version-text del");
            List<WebElement> added = reader.findAll("#version-2 .version-text ins");
            assertThat(removed).as("the rewritten passage is one run, not word after word")
                    .extracting(mark -> seen(reader, mark)).containsExactly("am", "Iran will not");
            assertThat(added).extracting(mark -> seen(reader, mark)).containsExactly("was", "Pakistan would");
            for (int i = 0; i < removed.size(); i++) {
                assertThat(gapBetween(reader, removed.get(i), added.get(i))).as("what was taken out does not touch what was put in")
                        .isGreaterThanOrEqualTo(2);
            }
            reader.assertAccessible();
            reader.screenshot("history-stance", Browser.PHONE_WIDTH);
            reader.screenshot("history-stance", Browser.DESKTOP_WIDTH);
            reader.prefer("prefers-color-scheme", "dark");
            reader.assertAccessible();
            reader.screenshot("history-stance-dark", Browser.PHONE_WIDTH);
            reader.screenshot("history-stance-dark", Browser.DESKTOP_WIDTH);
        }
    }

    /** The words of a mark as the eye reads them, without what it says to screen readers only ("[removed: "). */
    private static String seen(Browser reader, WebElement mark) {
        return (String) reader.script("return [...arguments[0].childNodes].filter(node => node.nodeType === Node.TEXT_NODE)"
                + ".map(node => node.textContent).join('');", mark);
    }

    /** The space between the end of one piece of text and the start of the next on the same line, in CSS pixels. */
    private static double gapBetween(Browser reader, WebElement first, WebElement second) {
        return ((Number) reader.script("const a = arguments[0].getClientRects(), b = arguments[1].getClientRects();"
                + "return b[0].left - a[a.length - 1].right;", first, second)).doubleValue();
    }

    @Test
    void theComparisonIsATableOnADesktopAndCardsOnAPhone() {
        try (var reader = Browser.open(forum, true)) {
            reader.go(article);
            Forum.form(reader, "proposal-1-discussion");
            reader.find("#proposal-1-discussion input[name=stance][value=for]").click();
            Forum.post(reader, "proposal-1-discussion", "Omid", "Balance keeps both doors open.");
            Forum.comment(reader, "Balance keeps both doors open.");

            reader.width(Browser.DESKTOP_WIDTH);
            reader.go(article);
            WebElement proposals = reader.find(".toc a[href='#proposal-1']").findElement(By.xpath("ancestor::ol[1]"));
            assertThat(proposals.findElements(By.xpath("./li"))).as("five proposals numbered, no sixth").hasSize(5);
            var column = reader.find("main").getRect();
            reader.find(".toc a[href$='/compare']").click();
            assertThat(reader.path()).isEqualTo(article + "/compare");
            var compared = reader.find("main").getRect();
            assertThat(List.of(compared.getX(), compared.getWidth())).as("the same centred column as the article")
                    .isEqualTo(List.of(column.getX(), column.getWidth()));
            assertThat(reader.findAll(".column-notes dd")).as("a sentence on each column").hasSize(5)
                    .allMatch(WebElement::isDisplayed);
            WebElement firstRow = reader.find("#compare-1");
            assertThat(firstRow.getText()).contains("Balance keeps both doors open.", "Omid");
            assertThat(reader.find("table.comparison thead").isDisplayed()).as("a table with its headings").isTrue();
            assertThat(reader.horizontalOverflow()).isZero();
            reader.assertAccessible();
            reader.screenshot("compare", Browser.DESKTOP_WIDTH);

            reader.width(Browser.PHONE_WIDTH);
            reader.go(article + "/compare");
            assertThat(reader.horizontalOverflow()).as("cards fit the phone").isZero();
            WebElement card = reader.find("#compare-1");
            assertThat(card.getSize().getWidth()).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
            assertThat(card.getText()).contains("Balance keeps both doors open.");
            Object label = reader.script("return getComputedStyle(arguments[0], '::before').content;",
                    reader.find(card, "td:nth-of-type(3)"));
            assertThat(label).as("each card labels its own parts").isEqualTo("\"Strongest argument for\"");
            reader.assertAccessible();
            reader.screenshot("compare", Browser.PHONE_WIDTH);

            // A page of one stance's threads counts what it shows.
            reader.go(article + "/discussions/proposal-1");
            reader.submit(reader.find(".stance-filter a[href*='stance=against']"));
            assertThat(reader.find("h1 .count").getText()).isEqualTo("(0 of 1 comment)");
        }
    }

    @Test
    void aModeratorSumsUpAProposalAndReadersFindItAndItsHistory() {
        try (var moderator = Browser.open(forum, true); var reader = Browser.open(forum, false)) {
            Forum.signIn(moderator);
            moderator.find("a[href='/admin/articles']").click();
            moderator.type(moderator.find("#display-name"), "Mina");
            moderator.submit(moderator.find("form.display-name-form button"));
            WebElement named = moderator.find("main > .notice");
            assertThat(named.getText()).contains("“Mina”");
            assertThat(moderator.onScreen(named)).as("told the name was saved").isTrue();
            for (String version : new String[] {"Readers agree trade comes first.", "Readers agree trade comes first; security splits them."}) {
                // Proposal 1's form under this test's own article (the page lists every article on the forum).
                WebElement form = moderator.find(ownArticle(moderator), "form.summary-form");
                moderator.type(moderator.find(form, "textarea"), version);
                moderator.submit(moderator.find(form, "button"));
                WebElement saved = moderator.find(ownArticle(moderator), ".notice");
                assertThat(saved.getText()).startsWith("Summary for proposal 1 saved.");
                assertThat(moderator.onScreen(saved)).as("told where they are, beside the form").isTrue();
            }
            moderator.submit(moderator.find(ownArticle(moderator), ".notice a"));
            assertThat(moderator.onScreen(moderator.find(".summary-body"))).as("the summary as readers see it").isTrue();
            assertThat(moderator.find(".summary-body").getText()).isEqualTo("Readers agree trade comes first; security splits them.");

            reader.width(Browser.PHONE_WIDTH);
            reader.go(article);
            WebElement summary = reader.find("#proposal-1 .summary");
            assertThat(summary.getText()).contains("security splits them", "Summary updated", "by Mina").doesNotContain("admin");
            assertThat(reader.find(summary, "h4").getText()).as("a section with a heading").isEqualTo("The state of the debate");
            reader.find(summary, "a").click();
            assertThat(reader.findAll("ol.revisions li")).hasSize(2);
            reader.findAll("ol.revisions li a").get(1).click();
            assertThat(reader.find(".summary-body").getText()).isEqualTo("Readers agree trade comes first.");
            reader.assertAccessible();
            assertThat(reader.horizontalOverflow()).isZero();
        }
    }

    private WebElement ownArticle(Browser moderator) {
        return moderator.findAll("section.admin-article").stream()
                .filter(section -> moderator.find(section, "h2").getText().equals(articleTitle))
                .findFirst().orElseThrow(() -> new AssertionError("Not on /admin/articles: " + articleTitle));
    }
}
