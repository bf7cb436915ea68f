package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;
import org.roundtable.Reader;

/**
 * Banning a comment's author from the queue: whom a ban stops (their browser; their address only when chosen, for a
 * week at most), its expiry, and lifting it.
 */
class BansTest extends ModeratedSiteTest {

    @Test
    void aBanBlocksTheAuthorsBrowserAndOthersAtTheirAddressPostOnUntilLifted() {
        long id = post(reader, "general", "**Trolling**, see [my site](https://troll.example)");
        var banned = admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]",
                Map.of("reason", "Repeated trolling", "length", "7d"));
        assertThat(banned.statusCode()).isEqualTo(303);

        var refused = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Let me back in"));
        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = Reader.parse(refused);
        assertThat(page.selectFirst("#reply-general .form-error").text())
                .startsWith("You cannot post here until").contains("Repeated trolling");
        assertThat(page.selectFirst("#reply-general textarea").text()).isEqualTo("Let me back in");

        // Another reader behind the same address (a carrier's NAT) is someone else.
        assertThat(post(server.reader(), "general", "Same network, different person")).isPositive();
        String storedHash = server.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(ip_hash, 'none') FROM bans").mapTo(String.class).one());
        assertThat(storedHash).isEqualTo("none");

        Element listed = admin.open("/admin/bans").selectFirst("tr[id^=ban-]");
        assertThat(listed.selectFirst(".banned-who").text()).contains("The browser of", "Trolling");
        assertThat(listed.selectFirst(".banned-who q").text()).as("the comment as readers saw it, not its Markdown")
                .isEqualTo("Trolling, see my site");
        assertThat(listed.select("td").eachAttr("data-label")).as("each cell labelled for the cards a phone shows")
                .containsExactly("Banned", "Who", "Reason", "By", "Until", "State");

        long banId = server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM bans").mapTo(Long.class).one());
        admin.submit(admin.open("/admin/bans"), "form[action=/admin/bans/" + banId + "/lift]", Map.of());
        assertThat(post(reader, "general", "Reformed")).isPositive();
        assertThat(admin.open("/admin/bans").getElementById("ban-" + banId).text()).contains("lifted by admin");
    }

    @Test
    void aBanLeadsBackToTheQueueViewItCameFromAndIsNotStackedOnOneInForce() {
        long id = post(reader, "general", "Trolling again");
        String view = "/admin/queue?filter=all&q=Trolling";
        String banLink = admin.open(view).selectFirst("#queue-" + id + " a[href*=/ban]").attr("href");
        var banned = admin.submit(admin.open(banLink), "form[action$=/ban]", Map.of("reason", "Trolling", "length", "never"));
        assertThat(banned.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(view + "&notice="));
        assertThat(admin.follow(banned).selectFirst(".notice").text())
                .isEqualTo("The author of comment " + id + " is banned until a moderator lifts it. The Bans page lists every ban.");
        assertThat(admin.open("/admin/bans").selectFirst("td[data-label=Until]").text()).isEqualTo("until a moderator lifts it");

        var again = admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]",
                Map.of("reason", "Trolling more", "length", "1d"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(Reader.parse(again).selectFirst(".form-error").text()).startsWith("This author is already banned");
        int bans = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bans").mapTo(Integer.class).one());
        assertThat(bans).isEqualTo(1);
    }

    @Test
    void liftingABanThatDoesNotExistIsNotFound() {
        String csrf = admin.open("/admin/bans").selectFirst("input[name=csrf]").val();
        assertThat(admin.post("/admin/bans/999/lift", Map.of("csrf", csrf)).statusCode()).isEqualTo(404);
        int audited = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'ban.lift'")
                .mapTo(Integer.class).one());
        assertThat(audited).isZero();
    }

    @Test
    void aLengthTheFormDoesNotOfferBansNoOne() {
        long id = post(reader, "general", "Posted before any ban");
        for (String length : new String[] {"bogus", "-1d", "99999999999999d", ""}) {
            var refused = admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]",
                    Map.of("reason", "Trolling", "length", length));
            assertThat(refused.statusCode()).as("length %s", length).isEqualTo(422);
            assertThat(Reader.parse(refused).text()).contains("Choose one of the lengths offered.");
        }
        int bans = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bans").mapTo(Integer.class).one());
        assertThat(bans).isZero();
        assertThat(post(reader, "general", "Still here")).isPositive();
    }

    @Test
    void banningTheAddressTooIsAChoiceThatLastsAWeekAtMost() {
        long id = post(reader, "general", "Back with new cookies again");
        admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]",
                Map.of("reason", "Ban evasion", "length", "never", "address", "yes"));
        var sameAddress = server.reader();
        assertThat(sameAddress.submit(sameAddress.open(ARTICLE), "#reply-general", Map.of("body", "New cookie")).statusCode())
                .isEqualTo(403);
        String storedHash = server.jdbi().withHandle(h -> h.createQuery("SELECT ip_hash FROM bans WHERE author_id IS NULL")
                .mapTo(String.class).one());
        assertThat(storedHash).hasSize(43).doesNotContain("127.0.0.1");
        assertThat(admin.open("/admin/bans").text()).contains("Everyone at the address of");

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(post(sameAddress, "general", "A week later, someone else")).isPositive();
        assertThat(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "Still me")).statusCode())
                .as("the author's own ban lasts until lifted").isEqualTo(403);
    }

    @Test
    void aBanExpires() {
        long id = post(reader, "general", "**Trolling**, see [my site](https://troll.example)");
        admin.submit(admin.open("/admin/comments/" + id + "/ban"), "form[action$=/ban]", Map.of("reason", "Cool off", "length", "1d"));
        assertThat(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "x")).statusCode()).isEqualTo(403);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(post(reader, "general", "Back")).isPositive();
    }
}
