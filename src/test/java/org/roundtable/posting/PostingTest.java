package org.roundtable.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;
import org.roundtable.rendering.CommentMarkdown;

class PostingTest {

    @TempDir
    Path folder;
    TestServer server;
    Reader reader;

    @BeforeEach
    void start() {
        server = TestServer.start(folder);
        reader = server.reader();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCommentCanBePostedToEveryDiscussionAndIsFoundAtItsAnchor() {
        String[] discussions = {"general", "proposal-1", "proposal-2", "proposal-3", "proposal-4", "proposal-5"};
        for (String key : discussions) {
            var response = reader.submit(reader.open(ARTICLE), "#reply-" + key,
                    Map.of("name", "Reader of " + key, "body", "My view on " + key));
            assertThat(response.statusCode()).as(key).isEqualTo(303);
            String location = response.headers().firstValue("Location").orElseThrow();
            // The general discussion's first page is under the article; a proposal's shows in full on its own page.
            assertThat(location).matches(key.equals("general") ? ARTICLE + "#comment-\\d+"
                    : ARTICLE + "/discussions/" + key + "\\?sort=oldest#comment-\\d+");

            Document page = reader.follow(response);
            var comment = page.getElementById(location.substring(location.indexOf('#') + 1));
            assertThat(comment.selectFirst(".comment-body").text()).isEqualTo("My view on " + key);
            assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("Reader of " + key);
            String section = key.equals("general") ? "comments" : key + "-discussion";
            assertThat(comment.parents()).anyMatch(parent -> parent.id().equals(section));
        }
        Document page = reader.open(ARTICLE);
        assertThat(page.selectFirst("nav.toc a[href=#proposal-3]").parent().text()).contains("(1 comment)");
        assertThat(page.selectFirst("#proposal-3-discussion-heading").text()).isEqualTo("Discussion of proposal 3 (1 comment)");
        assertThat(page.selectFirst("#comments h2").text()).startsWith("2 thoughts on \u201CIs Strategic Alliance");
        assertThat(page.selectFirst("nav.toc a[href=#comments]").parent().text()).contains("(2 comments)");
    }

    @Test
    void theFormsAskForNoEmailAndNoAccount() {
        Document page = reader.open(ARTICLE);
        assertThat(page.select("form.comment-form")).hasSize(6);
        assertThat(page.select("input[type=email], input[name*=mail], input[type=password]")).isEmpty();
        assertThat(page.select("form.comment-form").first().select(".field:not(.trap) input:not([type=hidden]), textarea").eachAttr("name"))
                .containsExactly("name", "body");
    }

    @Test
    void aBlankNameBecomesAnonymousAndTextIsStoredAsTyped() {
        var response = reader.submit(reader.open(ARTICLE), "#reply-general",
                Map.of("name", "   ", "body", "First line\r\nsecond line"));
        String html = reader.get(ARTICLE).body();
        assertThat(html).contains("<p dir=\"auto\">First line<br>\nsecond line</p>");
        var comment = Reader.parse(reader.get(ARTICLE)).select("#comments article.comment").last();
        assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("Anonymous");
        String stored = server.jdbi().withHandle(h -> h.createQuery("SELECT body FROM comments ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        assertThat(stored).isEqualTo("First line\nsecond line");
    }

    @Test
    void anEmptyCommentIsRefusedAndTheTypedNameKept() {
        var response = reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("name", "Kept Name", "body", "  \n "));
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Reader.parse(response);
        var form = page.getElementById("reply-proposal-2");
        assertThat(form.selectFirst(".form-error").text()).isEqualTo("Please write a comment before sending it.");
        assertThat(form.selectFirst("input[name=name]").val()).isEqualTo("Kept Name");
        assertThat(page.select(".form-error")).hasSize(1);
    }

    @Test
    void anOverlongNameIsRefusedWithTheCommentKept() {
        String name = "N".repeat(81);
        var response = reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("name", name, "body", "Keep me"));
        assertThat(response.statusCode()).isEqualTo(422);
        var form = Reader.parse(response).getElementById("reply-proposal-1");
        assertThat(form.selectFirst(".form-error").text()).contains("81 characters", "80");
        assertThat(form.selectFirst("input[name=name]").val()).isEqualTo(name);
        assertThat(form.selectFirst("textarea").text()).isEqualTo("Keep me");
    }

    @Test
    void anOverlongCommentIsRefusedAndKeptWhole() {
        String body = "word ".repeat(2_000) + "words";
        var response = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("body", body));
        assertThat(response.statusCode()).isEqualTo(422);
        var form = Reader.parse(response).getElementById("reply-general");
        assertThat(form.selectFirst(".form-error").text()).contains("10,005 characters", "10,000");
        assertThat(form.selectFirst("textarea").wholeText()).isEqualTo(body);
    }

    @Test
    void exactlyTheLimitsAreAccepted() {
        var response = reader.submit(reader.open(ARTICLE), "#reply-general",
                Map.of("name", "\u0646".repeat(80), "body", "\uD83D\uDE00".repeat(10_000)));
        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void aReplyToACommentInAnotherDiscussionIsRefused() {
        long inProposal1 = postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-1", Map.of("body", "Proposal one")));
        var response = reader.submit(reader.open(ARTICLE), "#reply-proposal-2",
                Map.of("parent", Long.toString(inProposal1), "body", "Misplaced reply"));
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Reader.parse(response);
        assertThat(page.selectFirst(".form-error").text()).isEqualTo("The comment you are replying to belongs to another discussion.");
        assertThat(page.selectFirst(".form-error").parent().selectFirst("textarea").text()).isEqualTo("Misplaced reply");
        assertThat(commentCount()).isEqualTo(2);
    }

    @Test
    void aReplyToAnUnknownCommentIsRefusedWithTheTextKept() {
        for (String parent : new String[] {"999999", "abc", "-1"}) {
            var response = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("parent", parent, "body", "Orphan"));
            assertThat(response.statusCode()).as(parent).isEqualTo(422);
            var form = Reader.parse(response).getElementById("reply-general");
            assertThat(form.selectFirst(".form-error").text()).contains("does not exist");
            assertThat(form.selectFirst("textarea").text()).isEqualTo("Orphan");
        }
    }

    @Test
    void anUnknownDiscussionIsRefused() {
        var response = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("discussion", "proposal-9", "body", "Lost"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Reader.parse(response).body().text()).contains("That discussion does not exist", "Lost");
    }

    @Test
    void postingToAnUnknownArticleIsNotFound() {
        var response = reader.post("/articles/nope/comments", Map.of("discussion", "general", "body", "Hello"));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void aFormWithoutItsTokenIsSetAsideAsSpamNotDropped() {
        long id = postedId(reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("form_token", "", "body", "Tokenless")));
        assertThat(server.commentStatus(id)).isEqualTo("spam");
        assertThat(reader.open(ARTICLE).getElementById("comment-" + id).selectFirst(".awaiting-moderation")).isNotNull();
        assertThat(server.reader().open(ARTICLE).getElementById("comment-" + id)).isNull();
    }

    @Test
    void aPostFromAnotherSiteOrFromNoPageAtAllIsRefused() {
        String token = reader.open(ARTICLE).selectFirst("#reply-general input[name=form_token]").val();
        String other = "https://evil.example";
        String ours = server.origin().substring(server.origin().indexOf("//"));
        String[][] refused = {{"Origin", other}, {"Referer", other + "/page"}, {"Origin", "null"}, {},
                {"Origin", "ftp:" + ours}, {"Referer", "javascript:" + ours + "/"}, {"Referer", ours + "/"}};
        for (String[] header : refused) {
            assertThat(postFrom(token, header).statusCode()).as(String.join(": ", header)).isEqualTo(403);
        }
        assertThat(commentCount()).as("nothing stored").isEqualTo(1);
        assertThat(postFrom(token, "Referer", server.origin() + ARTICLE).statusCode())
                .as("an old browser that sends only Referer, from our page").isEqualTo(303);
    }

    private java.net.http.HttpResponse<String> postFrom(String token, String... header) {
        var request = java.net.http.HttpRequest.newBuilder(server.uri(ARTICLE + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return server.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "discussion=general&body=forged&form_token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))
                .build());
    }

    @Test
    void markdownAndHtmlInjectionAreInert() {
        String body = """
                **bold** and _soft_ <script>alert(1)</script> <b onclick="x()">raw</b>

                [click](javascript:alert(1)) [fine](https://example.org/a?b=1&c=2) ![pic](https://example.org/p.png)

                # not a heading

                > quoted

                ---
                """;
        var response = reader.submit(reader.open(ARTICLE), "#reply-general",
                Map.of("name", "<img src=x onerror=alert(1)>", "body", body));
        var comment = reader.follow(response).select("#comments article.comment").last();
        var rendered = comment.selectFirst(".comment-body");

        Document page = comment.ownerDocument();
        assertThat(page.select("script[src]").eachAttr("src")).allMatch(src -> src.startsWith("/static/js/"));
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(comment.select("img, b, h1, hr, [onclick], [onerror]")).isEmpty();
        assertThat(rendered.select("strong").text()).isEqualTo("bold");
        assertThat(rendered.select("em").text()).isEqualTo("soft");
        assertThat(rendered.select("blockquote").text()).isEqualTo("quoted");
        assertThat(rendered.text()).contains("<script>alert(1)</script>", "# not a heading", "![pic](https://example.org/p.png)");
        assertThat(rendered.select("a").eachAttr("href")).doesNotContain("javascript:alert(1)")
                .contains("https://example.org/a?b=1&c=2");
        assertThat(rendered.select("a")).allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow ugc noopener"));
        assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void namesAndBodiesReadRightToLeftWhenWrittenSo() {
        var response = reader.submit(reader.open(ARTICLE), "#reply-proposal-5",
                Map.of("name", "\u0639\u0644\u06CC", "body", "\u0641\u0627\u0631\u0633\u06CC \u0648 \u0627\u0631\u062F\u0648"));
        var comment = reader.follow(response).select("#proposal-5-discussion article.comment").last();
        assertThat(comment.selectFirst(".comment-author").attr("dir")).isEqualTo("auto");
        assertThat(comment.selectFirst(".comment-body > p").attr("dir")).isEqualTo("auto");
        assertThat(comment.selectFirst(".comment-body").text()).isEqualTo("\u0641\u0627\u0631\u0633\u06CC \u0648 \u0627\u0631\u062F\u0648");
    }

    @Test
    void bareAddressesAreLinksAndTwoTildesStrikeThrough() {
        var markdown = new CommentMarkdown();
        var body = org.jsoup.Jsoup.parseBodyFragment(markdown.toHtml(
                "See https://example.org/pipeline and www.example.com, not ~~this~~ (about ~5 years)")).body();
        assertThat(body.select("a").eachAttr("href")).containsExactly("https://example.org/pipeline", "http://www.example.com");
        assertThat(body.select("a")).allSatisfy(a -> assertThat(a.attr("rel")).isEqualTo("nofollow ugc noopener"));
        assertThat(body.select("del").text()).isEqualTo("this");
        assertThat(body.text()).contains("~5 years");
        assertThat(markdown.links("See https://example.org/pipeline and www.example.com")).isEqualTo(2);
    }

    @Test
    void everyBlockOfACommentDecidesItsOwnDirectionAndCodeReadsLeftToRight() {
        String html = new CommentMarkdown().toHtml(
                "IP first\n\n\u0641\u0627\u0631\u0633\u06CC\n\n> \u0646\u0642\u0644\n\n```\ncode\n```\n\n- \u06CC\u06A9\n- two");
        var body = org.jsoup.Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("> p")).hasSize(2).allSatisfy(p -> assertThat(p.attr("dir")).isEqualTo("auto"));
        assertThat(body.selectFirst("blockquote").attr("dir")).isEqualTo("auto");
        assertThat(body.selectFirst("blockquote > p").hasAttr("dir")).as("the quote decides for its paragraph").isFalse();
        assertThat(body.select("li")).allSatisfy(li -> assertThat(li.attr("dir")).isEqualTo("auto"));
        assertThat(body.selectFirst("pre").attr("dir")).isEqualTo("ltr");
    }

    @Test
    void topLevelCommentsSortOldestOrNewestWhileRepliesStayChronological() {
        long first = postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-4", Map.of("body", "first")));
        postedId(reader.submit(reader.open(ARTICLE), "#reply-proposal-4", Map.of("body", "second")));
        Document firstPage = reader.open(ARTICLE + "/comments/" + first);
        reader.submit(firstPage, "#reply-form", Map.of("body", "reply one"));
        reader.submit(reader.open(ARTICLE + "/comments/" + first), "#reply-form", Map.of("body", "reply two"));

        String discussion = ARTICLE + "/discussions/proposal-4";
        assertThat(bodies(reader.open(discussion), "#proposal-4-discussion"))
                .containsExactly("first", "reply one", "reply two", "second");
        assertThat(bodies(reader.open(discussion + "?sort=newest"), "#proposal-4-discussion"))
                .containsExactly("second", "first", "reply one", "reply two");
        assertThat(bodies(reader.open(ARTICLE + "?sort=newest"), "#proposal-4-discussion"))
                .as("the article keeps its one order, and leaves replies to the discussion's page").containsExactly("first", "second");
    }

    static java.util.List<String> bodies(Document page, String section) {
        return page.select(section + " article.comment .comment-body").eachText();
    }

    private int commentCount() {
        return server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments").mapTo(Integer.class).one());
    }

    /**
     * Without a script, a preview or a refusal is a whole page, which the browser opens at the fragment the form was
     * sent to: the one element of that name is the preview, or the reason, of the form shown again.
     */
    @Test
    void aPreviewOrARefusalOpensAtTheFormItCameFromWhereverThatIsOnThePage() {
        Document article = reader.open(ARTICLE);
        assertThat(article.select("form.comment-form").eachAttr("action")).as("every form on the page")
                .hasSize(6).containsOnly(ARTICLE + "/comments#your-comment");
        assertThat(article.select("#your-comment")).as("nothing to open at on a page nobody sent").isEmpty();

        Document previewed = Reader.parse(reader.submit(article, "#reply-proposal-4", Map.of("body", "*Soon*", "preview", "yes")));
        assertThat(previewed.select("#your-comment")).hasSize(1);
        assertThat(previewed.getElementById("your-comment").parent().id()).isEqualTo("reply-proposal-4");
        assertThat(previewed.getElementById("your-comment").hasClass("comment-preview")).isTrue();

        var refused = reader.submit(reader.open(ARTICLE + "/discussions/proposal-4"), "#reply-proposal-4",
                Map.of("name", "N".repeat(81), "body", "Kept"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document again = Reader.parse(refused);
        assertThat(again.select("#your-comment")).hasSize(1);
        assertThat(again.getElementById("your-comment").hasClass("form-error")).isTrue();
        assertThat(again.getElementById("your-comment").parent().selectFirst("textarea").text()).isEqualTo("Kept");
        assertThat(again.selectFirst("#your-comment ~ p.field input[name=name]").attr("aria-describedby")).isEqualTo("your-comment");
    }

    @Test
    void previewShowsTheCommentAsItWouldLookAndPostsNothing() {
        String words = "**Trade** first: https://example.org/route and ~~war~~";
        var previewed = reader.submit(reader.open(ARTICLE), "#reply-proposal-2", Map.of("body", words, "preview", "yes"));
        assertThat(previewed.statusCode()).isEqualTo(200);
        Document page = Reader.parse(previewed);
        var form = page.getElementById("reply-proposal-2");
        assertThat(form.selectFirst("textarea[name=body]").text()).isEqualTo(words);
        assertThat(page.selectFirst("#proposal-2-discussion details.compose").hasAttr("open")).as("the form stays open").isTrue();
        var preview = form.selectFirst(".comment-preview .comment-body");
        assertThat(preview.select("strong").text()).isEqualTo("Trade");
        assertThat(preview.select("a").attr("href")).isEqualTo("https://example.org/route");
        assertThat(preview.select("del").text()).isEqualTo("war");
        int stored = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments WHERE body = :b")
                .bind("b", words).mapTo(Integer.class).one());
        assertThat(stored).isZero();

        var fromItsPage = reader.submit(reader.open(ARTICLE + "/discussions/proposal-2?sort=newest"), "#reply-proposal-2-top",
                Map.of("body", "<script>x</script> *soft*", "preview", "yes"));
        Document discussionPage = Reader.parse(fromItsPage);
        assertThat(discussionPage.selectFirst("h1").text()).startsWith("Proposal 2");
        var escaped = discussionPage.selectFirst("#reply-proposal-2-top .comment-preview .comment-body");
        assertThat(escaped.select("script")).isEmpty();
        assertThat(escaped.text()).contains("<script>x</script>");
        assertThat(escaped.select("em").text()).isEqualTo("soft");

        String token = reader.open(ARTICLE).selectFirst("#reply-proposal-2 input[name=form_token]").val();
        var fragment = reader.post(ARTICLE + "/preview", Map.of("body", "_quick_", "form_token", token));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(Reader.parse(fragment).select(".comment-preview em").text()).isEqualTo("quick");
        assertThat(Reader.parse(reader.post(ARTICLE + "/preview", Map.of("body", "  ", "form_token", token))).text())
                .contains("Nothing to preview yet");
    }
}
