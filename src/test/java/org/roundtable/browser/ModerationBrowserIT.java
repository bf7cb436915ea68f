package org.roundtable.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.browser.Forum.ARTICLE;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A moderator and a reader, each in their own browser, on the same forum. It is a forum of this test's own, not the
 * shared one: banning the reader bans 127.0.0.1, the address every browser test comes from.
 */
@Execution(ExecutionMode.CONCURRENT)
class ModerationBrowserIT {

    @Test
    void aModeratorHoldsAllCommentsApprovesOneBansItsAuthorAndLocksADiscussion(@TempDir Path folder) throws Exception {
        try (var forum = Forum.start(folder); var moderator = Browser.open(forum, true); var reader = Browser.open(forum, false)) {
            Forum.signIn(moderator);
            assertThat(moderator.path()).startsWith("/admin");
            reader.go(ARTICLE);
            Forum.post(reader, "proposal-2-discussion", "Sana", "Said before the lock.");

            moderator.go("/admin/articles");
            new Select(moderator.find("select[name=policy]")).selectByValue("all_held");
            moderator.submit(moderator.find("form.policy-form button[type=submit]"));
            assertThat(new Select(moderator.find("select[name=policy]")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("all_held");

            reader.go(ARTICLE);
            Forum.post(reader, "proposal-4-discussion", "Sana", "Hold this one for a moderator.");
            assertThat(reader.find(".awaiting-moderation").getText()).contains("awaiting moderation");

            moderator.go("/admin/queue");
            WebElement item = queueItem(moderator, "Hold this one for a moderator.");
            moderator.submit(moderator.find(item, "form[action$='/decide']:has(input[value=approve]) button"));
            assertThat(moderator.findAll(".queue-item")).noneMatch(i -> i.getText().contains("Hold this one"));

            try (var stranger = Browser.open(forum, false)) {
                stranger.go(ARTICLE);
                assertThat(stranger.find("#proposal-4-discussion").getText()).contains("Hold this one for a moderator.");
            }

            Forum.post(reader, "proposal-4-discussion", "Sana", "Buy **my** pills at [the shop](https://pills.example).");
            moderator.go("/admin/queue");
            moderator.find(queueItem(moderator, "Buy **my** pills"), "a[href*='/ban?']").click();
            moderator.type(moderator.find("#ban-reason"), "Advertising");
            moderator.submit(moderator.find("main form.comment-form button[type=submit]"));

            // On a phone each ban is a card: the whole of it on screen, Lift in reach, the comment as readers saw it.
            moderator.width(Browser.PHONE_WIDTH);
            moderator.go("/admin/bans");
            WebElement ban = moderator.find("tr[id^=ban-]");
            assertThat(moderator.find(ban, "q").getText()).isEqualTo("Buy my pills at the shop.");
            WebElement lift = moderator.find(ban, "form[action$='/lift'] button");
            moderator.script("arguments[0].scrollIntoView({block: 'center'});", lift);
            assertThat(lift.getRect().getX() + lift.getRect().getWidth()).as("Lift within the screen's width")
                    .isLessThanOrEqualTo(Browser.PHONE_WIDTH);
            assertThat(moderator.find(ban, "td[data-label=Until]").getRect().getX()).isLessThan(Browser.PHONE_WIDTH);
            assertThat(moderator.script("const wrap = document.querySelector('.table-wrap');"
                    + "return wrap.scrollWidth - wrap.clientWidth;")).as("nothing scrolled out of sight").isEqualTo(0L);
            moderator.screenshot("admin-bans", Browser.PHONE_WIDTH);
            moderator.width(Browser.DESKTOP_WIDTH);

            reader.go(ARTICLE);
            Forum.post(reader, "proposal-4-discussion", "Sana", "Once more.");
            assertThat(reader.find("form.comment-form:has(.form-error) .form-error").getText())
                    .contains("You cannot post here", "Advertising");
            reader.go(ARTICLE);
            WebElement before = Forum.comment(reader, "Said before the lock.");
            assertThat(reader.find(before, ".comment-actions").getText()).as("no Edit or Delete while banned, though in the window")
                    .doesNotContain("Edit").doesNotContain("Delete");

            moderator.go("/admin/articles");
            WebElement proposalTwo = moderator.findAll(".locks li").stream()
                    .filter(li -> li.getText().startsWith("Proposal 2:")).findFirst().orElseThrow();
            moderator.submit(moderator.find(proposalTwo, "form[action$='/lock'] button"));

            reader.go(ARTICLE);
            assertThat(reader.find("#proposal-2-discussion .locked-notice").getText())
                    .isEqualTo("This discussion is closed to new comments.");
            assertThat(reader.findAll("#proposal-2-discussion form.comment-form")).isEmpty();
            assertThat(reader.find("#proposal-2-discussion").getText()).contains("Said before the lock.");
            assertThat(reader.findAll("#proposal-2-discussion .reply-link")).as("no Reply that leads nowhere").isEmpty();
            assertThat(reader.findAll("#proposal-4-discussion .reply-link")).isNotEmpty();
            assertThat(reader.find("#proposal-2-discussion h4").getText()).endsWith("closed to new comments)");
            assertThat(reader.find(".toc a[href='#proposal-2'] + .count").getText()).contains("closed to new comments");

            reader.submit(reader.find("#proposal-2-discussion .more-threads a"));
            assertThat(reader.find("h1").getText()).contains("closed to new comments");
            // The heading wraps within the column, at 1280 and on a phone, where it once ran 130 px past the screen.
            WebElement main = reader.find("main");
            WebElement count = reader.find("h1 .count");
            assertThat(count.getRect().getX() + count.getRect().getWidth())
                    .isLessThanOrEqualTo(main.getRect().getX() + main.getRect().getWidth());
            reader.width(Browser.PHONE_WIDTH);
            assertThat(reader.horizontalOverflow()).as("nothing to scroll sideways at 390 px").isZero();
            assertThat(count.getRect().getX() + count.getRect().getWidth()).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
            reader.width(Browser.DESKTOP_WIDTH);
            assertThat(reader.findAll("form.comment-form")).as("no form on its own page either").isEmpty();
            assertThat(reader.findAll(".reply-link")).isEmpty();
        }
    }

    private static WebElement queueItem(Browser moderator, String text) {
        return moderator.findAll(".queue-item").stream()
                .filter(item -> item.getText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Not in the queue: " + text));
    }
}
