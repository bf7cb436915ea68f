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
import org.roundtable.rendering.CommentMarkdown;

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
        assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("15");

        // Another browser on the same address is another person (one carrier address serves many).
        Reader sameAddress = server.reader();
        postedId(sameAddress.submit(sameAddress.open(ARTICLE), "#reply-general", Map.of("body", "another person's two")));

        clock.advance(Duration.ofSeconds(16));
        postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "two")));
        clock.advance(Duration.ofSeconds(16));
        postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "three")));
        clock.advance(Duration.ofSeconds(16));
        var fourth = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "four"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(Reader.parse(fourth).selectFirst(".form-error").text()).contains("3 comments in the last hour");
        assertThat(fourth.headers().firstValue("Retry-After")).as("until the first of the hour's three is an hour old")
                .hasValue(Long.toString(Duration.ofHours(1).minusSeconds(48).toSeconds()));
        clock.advance(Duration.ofHours(1));
        postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "four")));
    }

    @Test
    void oneAddressHasAGenerousCeilingOfItsOwn() {
        start(Map.of("FLOOD_MIN_INTERVAL_SECONDS", "15", "FLOOD_ADDRESS_MAX_PER_HOUR", "3"));
        for (int i = 0; i < 3; i++) {
            Reader browser = server.reader();
            postedId(browser.submit(browser.open(ARTICLE), "#reply-general", Map.of("body", "person " + i)));
        }
        Reader fourth = server.reader();
        var refused = fourth.submit(fourth.open(ARTICLE), "#reply-general", Map.of("body", "person 3"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Reader.parse(refused).selectFirst(".form-error").text()).contains("from your network");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
        clock.advance(Duration.ofHours(1));
        postedId(fourth.submit(fourth.open(ARTICLE), "#reply-general", Map.of("body", "person 3")));
    }

    @Test
    void fiftySimultaneousPostsFromOneBrowserPassTheLimitOnce() throws Exception {
        start(Map.of("FLOOD_MIN_INTERVAL_SECONDS", "15"));
        Reader reader = server.reader();
        Document page = reader.open(ARTICLE);
        postedId(reader.submit(page, "#reply-general", Map.of("body", "first, to have a browser")));
        clock.advance(Duration.ofSeconds(16));
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        var statuses = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 50; i++) {
            String body = "at once " + i;
            statuses.add(pool.submit(() -> {
                start.await();
                return reader.submit(page, "#reply-general", Map.of("body", body)).statusCode();
            }));
        }
        start.countDown();
        var counted = new java.util.HashMap<Integer, Integer>();
        for (var status : statuses) {
            counted.merge(status.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(303, 1, 429, 49));
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
    void theQueueSaysWhyEachCommentWaits() {
        start(Map.of("SPAM_MIN_FILL_SECONDS", "3"));
        Reader admin = server.moderator("admin", PASSWORD);
        admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/phrases]",
                Map.of("phrase", "crypto", "verdict", "held"));
        Reader reader = server.reader();
        clock.advance(Duration.ofSeconds(4));
        Document page = reader.open(ARTICLE);
        clock.advance(Duration.ofSeconds(4));
        long links = postedId(reader.submit(page, "#reply-general",
                Map.of("body", "See https://a.example, http://b.example and www.c.example")));
        long phrase = postedId(reader.submit(page, "#reply-proposal-1", Map.of("body", "About CRYPTO")));
        long robot = postedId(reader.submit(page, "#reply-proposal-2", Map.of("body", "Great post", "website", "x")));
        long hasty = postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-3", Map.of("body", "Instant")));

        Document queue = admin.open("/admin/queue?filter=all");
        assertThat(queue.selectFirst("#queue-" + links + " .held-reason").text()).isEqualTo("Why it waits: 3 links, more than the 2 allowed");
        assertThat(queue.selectFirst("#queue-" + phrase + " .held-reason").text()).isEqualTo("Why it waits: Matches the blocked phrase \u201Ccrypto\u201D");
        assertThat(queue.selectFirst("#queue-" + robot + " .held-reason").text()).contains("hidden field");
        assertThat(queue.selectFirst("#queue-" + hasty + " .held-reason").text()).contains("within 3 seconds");
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
        long named = postedId(reader.submit(reader.open(ARTICLE), "#reply-general",
                Map.of("name", "Cheap Pills dot com", "body", "about harbours")));
        assertThat(server.commentStatus(named)).as("a name is shown beside the words, and screened with them").isEqualTo("spam");

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
    void aBlockedPhraseMatchesHoweverItIsDisguised() {
        start(Map.of());
        Reader admin = server.moderator("admin", PASSWORD);
        admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/phrases]",
                Map.of("phrase", "cheap pills", "verdict", "spam"));
        Reader reader = server.reader();
        for (String disguised : new String[] {"che\u200Bap pills", "ch\u00ADeap pills", "ch\u0435ap pills", "che&#97;p pills",
                "\uFF43\uFF48\uFF45\uFF41\uFF50 pills", "CHE*AP* PILLS".replace("*", ""), "che**ap** pills"}) {
            long id = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", "buy " + disguised + " now")));
            assertThat(server.commentStatus(id)).as(disguised).isEqualTo("spam");
        }
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
        var markdown = new CommentMarkdown();
        assertThat(markdown.links("no links here")).isZero();
        assertThat(markdown.links("HTTPS://A.example http://b.example www.c.example [d](https://d.example)")).isEqualTo(4);
        assertThat(markdown.links("<https://a.example> [https://b.example](https://b.example)")).isEqualTo(2);
    }

    @Test
    void linksAreCountedAsTheyRenderNotAsTheyAreTyped() {
        var markdown = new CommentMarkdown();
        assertThat(markdown.links("[x](//a.example) [y](http&#58;//b.example) [z](HtTp://c.example)")).isEqualTo(3);
        assertThat(markdown.toHtml("[y](http&#58;//b.example)")).contains("href=\"http://b.example\"");
    }

    @Test
    void linksToAnythingButTheWebOrEmailAreShownAsText() {
        var markdown = new CommentMarkdown();
        for (String target : new String[] {"data:text/html;base64,PHNjcmlwdD4=", "javascript:alert(1)", "JaVaScRiPt&#58;alert(1)",
                "vbscript:x", "file:///etc/passwd"}) {
            String html = markdown.toHtml("[click](" + target + ")");
            assertThat(html).as(target).doesNotContain("<a").contains("click");
        }
        assertThat(markdown.toHtml("[mail](mailto:a@b.example)")).contains("href=\"mailto:a@b.example\"");
        assertThat(markdown.toHtml("[here](/articles/x)")).contains("href=\"/articles/x\"");
    }

    @Test
    void aCommentWithLinksHiddenInMarkdownIsHeld() {
        start(Map.of());
        Reader reader = server.reader();
        long id = postedId(reader.submit(reader.open(ARTICLE), "#reply-general",
                Map.of("body", "[a](//a.example) [b](http&#58;//b.example) [c](//c.example)")));
        assertThat(server.commentStatus(id)).isEqualTo("held");
    }
}
