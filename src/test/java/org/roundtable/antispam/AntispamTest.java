package org.roundtable.antispam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

class AntispamTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    final MutableClock clock = new MutableClock();
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(Map<String, String> env) {
        var all = new java.util.HashMap<>(env);
        all.put("ADMIN_PASSWORD", PASSWORD);
        server = TestServer.start(TestServer.config(folder, all), clock);
        return server;
    }

    @Test
    void theHoneypotIsHiddenLabelledAndFillingItSetsTheCommentAsideAsSpam() {
        start(Map.of());
        Reader robot = server.reader();
        Document page = robot.open(ARTICLE);
        var trap = page.selectFirst("#reply-general .trap");
        assertThat(trap.selectFirst("label").text()).isEqualTo("If you are a person, leave this field empty");
        assertThat(trap.selectFirst("input").attr("tabindex")).isEqualTo("-1");

        long id = postedId(robot.submit(page, "#reply-general", Map.of("website", "http://spam.example", "body", "Great post")));
        assertThat(server.commentStatus(id)).isEqualTo("spam");
        assertThat(server.reader().open(ARTICLE).getElementById("comment-" + id)).isNull();
    }

    @Test
    void aFormSentFasterThanAPersonCouldFillItIsSetAside() {
        start(Map.of("SPAM_MIN_FILL_SECONDS", "3"));
        Reader reader = server.reader();
        Document page = reader.open(ARTICLE);
        long hasty = postedId(reader.submit(page, "#reply-general", Map.of("body", "Instant")));
        assertThat(server.commentStatus(hasty)).isEqualTo("spam");

        Document later = reader.open(ARTICLE);
        clock.advance(Duration.ofSeconds(4));
        long human = postedId(reader.submit(later, "#reply-general", Map.of("body", "Considered")));
        assertThat(server.commentStatus(human)).isEqualTo("published");
    }

    @Test
    void postingTooOftenIsRefusedWith429AndTheTextKept() {
        start(Map.of("FLOOD_MIN_INTERVAL_SECONDS", "15", "FLOOD_MAX_PER_HOUR", "3"));
        Reader reader = server.reader();
        postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "one")));
        var tooSoon = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "two"));
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        var form = Reader.parse(tooSoon).getElementById("reply-general");
        assertThat(form.selectFirst(".form-error").text()).contains("wait 15 seconds");
        assertThat(form.selectFirst("textarea").text()).isEqualTo("two");

        // Another browser on the same address is the same flood.
        Reader sameAddress = server.reader();
        assertThat(sameAddress.submit(sameAddress.open(ARTICLE), "#reply-general", Map.of("body", "two")).statusCode())
                .isEqualTo(429);

        clock.advance(Duration.ofSeconds(16));
        postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "two")));
        clock.advance(Duration.ofSeconds(16));
        postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "three")));
        clock.advance(Duration.ofSeconds(16));
        var fourth = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "four"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(Reader.parse(fourth).selectFirst(".form-error").text()).contains("3 comments in the last hour");
        clock.advance(Duration.ofHours(1));
        postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "four")));
    }

    @Test
    void moreThanTwoLinksAreHeldForAModerator() {
        start(Map.of());
        Reader reader = server.reader();
        long two = postedId(reader.submit(reader.open(ARTICLE), "#reply-general",
                Map.of("body", "See https://a.example and https://b.example")));
        long three = postedId(reader.submit(reader.open(ARTICLE), "#reply-general",
                Map.of("body", "See https://a.example, http://b.example and www.c.example")));
        assertThat(server.commentStatus(two)).isEqualTo("published");
        assertThat(server.commentStatus(three)).isEqualTo("held");
    }

    @Test
    void theSameWordsTwiceInADiscussionAreRefused() {
        start(Map.of());
        Reader reader = server.reader();
        postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Exactly this")));
        var again = reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Exactly this"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(Reader.parse(again).selectFirst("#reply-proposal-1 .form-error").text()).isEqualTo("You already said that in this discussion a moment ago.");
        postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", "Exactly this")));
        clock.advance(Duration.ofMinutes(11));
        postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Exactly this")));
    }

    @Test
    void blocklistedPhrasesAndAddressesAreHeldOrSpammedAsTheModeratorChose() {
        start(Map.of());
        Reader admin = server.moderator("admin", PASSWORD);
        admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/phrases]",
                Map.of("phrase", "Cheap Pills", "verdict", "spam"));
        admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/phrases]",
                Map.of("phrase", "crypto", "verdict", "held"));
        var duplicate = admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/phrases]",
                Map.of("phrase", "crypto", "verdict", "held"));
        assertThat(duplicate.statusCode()).isEqualTo(422);

        Reader reader = server.reader();
        long pills = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "buy CHEAP pills now")));
        long coins = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "about Crypto")));
        long fine = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "about ports")));
        assertThat(server.commentStatus(pills)).isEqualTo("spam");
        assertThat(server.commentStatus(coins)).isEqualTo("held");
        assertThat(server.commentStatus(fine)).isEqualTo("published");

        var blocked = admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/addresses]",
                Map.of("address", "127.0.0.1", "verdict", "held"));
        assertThat(blocked.statusCode()).isEqualTo(303);
        long fromThere = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "innocent words")));
        assertThat(server.commentStatus(fromThere)).isEqualTo("held");
        assertThat(admin.open("/admin/blocklist").text()).doesNotContain("127.0.0.1");

        long entry = server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM blocklist WHERE kind = 'ip_hash'").mapTo(Long.class).one());
        admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/" + entry + "/remove]", Map.of());
        long afterRemoval = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "free again")));
        assertThat(server.commentStatus(afterRemoval)).isEqualTo("published");
    }

    @Test
    void aCommentsAddressCanBeBlocklistedFromTheQueueWithoutSeeingIt() {
        start(Map.of());
        Reader reader = server.reader();
        long id = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "first")));
        Reader admin = server.moderator("admin", PASSWORD);
        var added = admin.submit(admin.open("/admin/queue?filter=all"), "form[action=/admin/comments/" + id + "/block-address]", Map.of());
        assertThat(added.statusCode()).isEqualTo(303);
        long next = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "second")));
        assertThat(server.commentStatus(next)).isEqualTo("spam");
    }

    @Test
    void linksAreCountedInEveryCommonSpelling() {
        assertThat(SpamScreen.links("no links here")).isZero();
        assertThat(SpamScreen.links("HTTPS://A.example http://b.example www.c.example [d](https://d.example)")).isEqualTo(4);
    }
}
