package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.roundtable.Reader;

/**
 * A moderator finds a particular comment among many (item 15 of issue 26): searches a word, narrows to one author
 * from a row, pages, acts, and is back on the same searched page; and opens a public comment in the queue from its
 * "Moderate" link.
 */
class QueueSearchBrowserIT extends ForumTest {

    /** More than a queue page of one author's comments, so that the search pages. */
    private static final int PARISAS = 27;

    @Test
    void aModeratorSearchesFiltersByAuthorPagesActsAndComesBackToTheSameSearch() {
        // The queue is the whole shared forum's: a word no other test writes keeps this one's comments apart.
        String word = "quokka" + article.replaceAll("[^0-9]", "");
        Reader parisa = Reader.at(forum);
        Document page = parisa.open(article);
        for (int n = 1; n <= PARISAS; n++) {
            post(parisa, page, "proposal-1", "Parisa", "Note " + n + " on the " + word + " pipeline.");
        }
        Reader omid = Reader.at(forum);
        long omids = post(omid, omid.open(article), "proposal-2", "Omid", "The " + word + " is elsewhere.");

        try (var moderator = Browser.open(forum, true)) {
            moderator.width(Browser.PHONE_WIDTH);
            Forum.signIn(moderator);
            moderator.go("/admin/queue");
            moderator.find("#queue-q").sendKeys(word, Keys.ENTER);
            moderator.await(".queue-count");
            assertThat(moderator.find(".queue-count").getText()).as("searched where the list was: the held comments")
                    .isEqualTo("0 comments match, newest first.");
            moderator.submit(moderator.find(".queue-elsewhere a"));
            assertThat(moderator.find(".queue-count").getText()).isEqualTo((PARISAS + 1) + " comments match, newest first.");
            assertThat(moderator.find("#queue-q").getAttribute("value")).isEqualTo(word);

            WebElement newest = moderator.find(".queue-item");
            assertThat(newest.getText()).contains("Omid");
            WebElement parisasRow = moderator.findAll(".queue-item").get(1);
            assertThat(parisasRow.getText()).contains("Note " + PARISAS);
            moderator.submit(moderator.find(parisasRow, "a.by-author"));
            assertThat(moderator.find(".queue-count").getText()).isEqualTo(PARISAS + " comments match, newest first.");
            assertThat(moderator.find(".queue-narrowed").getText()).contains("Only the comments of one author", "Parisa");
            assertThat(moderator.findAll(".queue-item")).hasSize(25).noneMatch(item -> item.getText().contains("Omid"));

            moderator.submit(moderator.find(".pagination a[href*='after=']"));
            assertThat(moderator.findAll(".queue-item")).extracting(WebElement::getText)
                    .satisfiesExactly(item -> assertThat(item).contains("Note 2 on"), item -> assertThat(item).contains("Note 1 on"));
            WebElement first = moderator.findAll(".queue-item").get(1);
            moderator.submit(moderator.find(first, "form:has(input[value=reject]) button"));

            WebElement notice = moderator.find(".notice");
            assertThat(notice.getText()).endsWith(" rejected.");
            assertThat(moderator.onScreen(notice)).as("the moderator sees what happened").isTrue();
            assertThat(moderator.find("#queue-q").getAttribute("value")).as("the search is kept").isEqualTo(word);
            assertThat(moderator.find(".queue-narrowed").getText()).contains("Only the comments of one author");
            assertThat(moderator.findAll(".queue-item")).extracting(WebElement::getText)
                    .satisfiesExactly(item -> assertThat(item).contains("Note 2 on"),
                            item -> assertThat(item).contains("Note 1 on", "rejected"));
            assertThat(moderator.horizontalOverflow()).as("nothing wider than the phone").isZero();
            moderator.screenshot("queue-search", Browser.PHONE_WIDTH);
            moderator.prefer("prefers-color-scheme", "dark");
            moderator.screenshot("queue-search-dark", Browser.PHONE_WIDTH);

            moderator.width(Browser.DESKTOP_WIDTH);
            moderator.go(article + "/discussions/proposal-2");
            WebElement moderate = moderator.await("#comment-" + omids + " .moderate-link");
            moderator.submit(moderate);
            assertThat(moderator.findAll(".queue-item")).extracting(item -> item.getAttribute("id")).containsExactly("queue-" + omids);
            assertThat(moderator.find(".queue-count").getText()).isEqualTo("1 comment matches, newest first.");
            moderator.screenshot("queue-one-comment", Browser.DESKTOP_WIDTH);
        }
    }

    private static long post(Reader reader, Document page, String discussion, String name, String body) {
        return Reader.postedId(reader.submit(page, "#reply-" + discussion, Map.of("name", name, "body", body)));
    }
}
