package org.roundtable.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;

/**
 * Finding a particular comment over HTTP: the queue's search and filters, "this author's other comments" from a row,
 * a decision or an edit that returns to the same searched and filtered page, and the answer that tells the public
 * pages' script whether to offer "Moderate".
 */
class QueueFindingTest extends ModeratedSiteTest {

    @Test
    void aModeratorSearchesFiltersByAuthorFromARowActsAndReturnsToTheSameView() {
        var sana = server.reader();
        long first = post(sana, "proposal-1", "The pipeline is too costly.");
        long second = post(sana, "proposal-2", "Gwadar first, then the rest.");
        long other = post(reader, "proposal-1", "The pipeline is a good idea.");

        Document searched = admin.open("/admin/queue?filter=all&q=pipeline");
        assertThat(searched.select("#queue-q").val()).isEqualTo("pipeline");
        assertThat(searched.select(".queue-item")).extracting(item -> item.id())
                .containsExactly("queue-" + other, "queue-" + first);
        assertThat(searched.selectFirst(".queue-count").text()).isEqualTo("2 comments match, newest first.");

        String byAuthor = searched.selectFirst("#queue-" + first + " a.by-author").attr("href");
        Document theirs = admin.open(byAuthor);
        assertThat(theirs.select(".queue-item")).extracting(item -> item.id()).containsExactly("queue-" + first);
        assertThat(byAuthor).as("the search is kept").contains("q=pipeline");
        Document everythingOfTheirs = admin.open(byAuthor.replace("&q=pipeline", ""));
        assertThat(everythingOfTheirs.select(".queue-item")).extracting(item -> item.id())
                .containsExactly("queue-" + second, "queue-" + first);

        var rejected = admin.submit(theirs, "#queue-" + first + " form:has(input[name=decision][value=reject])", Map.of());
        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(rejected.headers().firstValue("Location").orElseThrow()).startsWith(byAuthor + "&notice=");
        Document back = admin.follow(rejected);
        assertThat(back.selectFirst(".notice").text()).isEqualTo("Comment " + first + " rejected.");
        assertThat(back.select("#queue-q").val()).isEqualTo("pipeline");
        assertThat(back.select(".queue-item .badge").eachText()).contains("rejected");

        String editLink = back.selectFirst("#queue-" + first + " a:containsOwn(edit)").attr("abs:href");
        Document editForm = admin.open(editLink.substring(editLink.indexOf("/admin/")));
        assertThat(editForm.selectFirst("a:containsOwn(Cancel)").attr("href")).isEqualTo(byAuthor);
        var edited = admin.submit(editForm, "main form:has(textarea[name=body])", Map.of("body", "The pipeline costs too much."));
        assertThat(edited.headers().firstValue("Location").orElseThrow()).startsWith(byAuthor + "&notice=");
    }

    @Test
    void theSearchFormOffersTheStatusTheListShowsSoFindingAgainChangesNothing() {
        for (String path : new String[] {"/admin/queue", "/admin/queue?filter=all", "/admin/queue?filter=spam&q=pills"}) {
            Document queue = admin.open(path);
            assertThat(queue.selectFirst("#queue-status option[selected]").text()).as(path)
                    .isEqualTo(queue.selectFirst("nav.filters [aria-current=page]").text());
        }
        post(reader, "general", "A published pipeline");
        Document held = admin.open("/admin/queue?filter=held&q=pipeline");
        assertThat(held.selectFirst(".queue-count").text()).isEqualTo("0 comments match, newest first.");
        assertThat(held.selectFirst(".queue-elsewhere a").text()).isEqualTo("1 comment matches in all statuses: show them");
        assertThat(held.select(".empty")).as("no \"Well done\" after a search").isEmpty();
        Document everywhere = admin.open(held.selectFirst(".queue-elsewhere a").attr("href"));
        assertThat(everywhere.selectFirst(".queue-count").text()).isEqualTo("1 comment matches, newest first.");
        assertThat(everywhere.select(".queue-elsewhere")).isEmpty();
    }

    @Test
    void aReturnAddressLeadsOnlyToTheQueue() {
        long id = post(reader, "general", "Somewhere to come back from");
        for (String foreign : new String[] {"https://evil.example/admin/queue", "/admin/queued", "//evil.example",
                "/admin/queue/../bans"}) {
            Document page = admin.open("/admin/comments/" + id + "/edit?back=" + URLEncoder.encode(foreign, StandardCharsets.UTF_8));
            assertThat(page.selectFirst("a:containsOwn(Cancel)").attr("href")).as(foreign).isEqualTo("/admin/queue");
        }
    }

    @Test
    void theQueuesSearchIsPrivateAndSaysWhatItCannotSearch() {
        var page = admin.get("/admin/queue?filter=all&q=" + "word+".repeat(60));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(page.body()).contains("at most 200 characters");
    }

    @Test
    void onlyASignedInModeratorIsToldToOfferModerateLinks() {
        var anonymous = reader.get("/admin/me.json");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("{\"moderator\":false}");
        assertThat(anonymous.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        var signedIn = admin.get("/admin/me.json");
        assertThat(signedIn.body()).isEqualTo("{\"moderator\":true}");
        assertThat(signedIn.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        long id = post(reader, "general", "Open me in the queue");
        assertThat(admin.open("/admin/queue?filter=all&comment=" + id).select(".queue-item")).extracting(item -> item.id())
                .containsExactly("queue-" + id);
    }
}
