package org.roundtable.articlepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestServer;
import org.roundtable.article.TestResources;

class ArticlePageTest {

    static final String PATH = "/articles/iran-pakistan-strategic-alliance";

    @TempDir
    static Path folder;
    static TestServer server;
    static Document page;

    @BeforeAll
    static void start() {
        server = TestServer.start(folder);
        page = server.page(PATH);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void frontPageSendsReadersToTheOnlyArticle() {
        var response = server.get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(PATH);
    }

    @Test
    void everyParagraphOfTheArticleFileAppearsWordForWord() {
        String text = page.select("article.article").text();
        List<String> paragraphs = articleParagraphs();
        assertThat(paragraphs).hasSizeGreaterThan(20);
        for (String paragraph : paragraphs) {
            assertThat(text).contains(paragraph);
        }
    }

    @Test
    void typographyIsKeptAsWritten() {
        String text = page.text();
        assertThat(text)
                .contains("Is Strategic Alliance Between Iran And Pakistan Possible? \u2013 Analysis")
                .contains("the concept of \u201Cstrategic alliance\u201D is")
                .contains("Iran\u2013Pakistan (IP) gas pipeline")
                .contains("not necessarily Iran Review\u2019s viewpoints.");
    }

    @Test
    void headerCarriesTitleAndByline() {
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("article > header h1").text())
                .isEqualTo("Is Strategic Alliance Between Iran And Pakistan Possible? \u2013 Analysis");
        assertThat(page.selectFirst("article > header .byline").text()).isEqualTo("By Hesamoddin Hojjatzadeh*");
    }

    @Test
    void eachProposalIsItsOwnSectionWithHeadingTextAndDiscussion() {
        for (int n = 1; n <= 5; n++) {
            Element section = page.getElementById("proposal-" + n);
            assertThat(section).as("proposal %d", n).isNotNull();
            assertThat(section.tagName()).isEqualTo("section");
            assertThat(section.selectFirst("h3").text()).startsWith("Proposal " + n + ":");
            assertThat(section.selectFirst(".proposal-text").text()).isNotBlank();
            assertThat(section.selectFirst(".discussion").text()).contains("No comments yet \u2014 start the discussion");
        }
        assertThat(page.getElementById("proposal-3").text()).contains("Iran\u2013Pakistan (IP) gas pipeline");
        assertThat(page.getElementById("proposal-6")).isNull();
    }

    @Test
    void timesAreShownInTheConfiguredZoneAndSayWhichItIs(@TempDir Path other) {
        try (var tehran = TestServer.start(TestServer.config(other, java.util.Map.of("TIME_ZONE", "Asia/Tehran")))) {
            Element comment = tehran.page(TestServer.ARTICLE).getElementById("comments").selectFirst("article.comment");
            assertThat(comment.selectFirst("time").text()).isEqualTo("March 23, 2018 at 7:50 pm IRDT");
        }
    }

    @Test
    void generalDiscussionMirrorsTheOriginalCommentSection() {
        Element comments = page.getElementById("comments");
        assertThat(comments.selectFirst("h2").text())
                .isEqualTo("One thought on \u201CIs Strategic Alliance Between Iran And Pakistan Possible? \u2013 Analysis\u201D");
        Element comment = comments.selectFirst("article.comment");
        assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("Anonymous");
        assertThat(comment.selectFirst("time").attr("datetime")).isEqualTo("2018-03-23T15:20:00Z");
        assertThat(comment.selectFirst("time").text()).isEqualTo("March 23, 2018 at 3:20 pm UTC");
        assertThat(comment.selectFirst(".comment-body").text()).isEqualTo(
                "Zia al Haq saw Sunni Punjabis as the Umma and the US as his surest sponsor. Pakistan guiding hand of "
                + "Sunni-Punjabi Sultans has not changed even if the sponsor is no longer Iran\u2019s enemy but China. "
                + "This is \u201Cdo-nothing\u201D India\u2019s only hope vis a vis Shia Iran");
        assertThat(comment.selectFirst("a.permalink").attr("href")).as("the comment's permanent page")
                .isEqualTo(TestServer.ARTICLE + "/comments/" + comment.id().substring("comment-".length()));
    }

    @Test
    void tableOfContentsLinksSectionsProposalsWithCountsAndTheDiscussion() {
        Element toc = page.selectFirst("nav.toc");
        List<String> targets = toc.select("a").eachAttr("href");
        assertThat(targets).containsExactly(
                "#background-of-iran-pakistan-relations",
                "#are-conditions-ripe-for-strategic-alliance-between-iran-and-pakistan",
                "#proposed-solutions",
                "#proposal-1", "#proposal-2", "#proposal-3", "#proposal-4", "#proposal-5",
                TestServer.ARTICLE + "/compare",
                "#comments");
        for (String target : targets.stream().filter(target -> target.startsWith("#")).toList()) {
            assertThat(page.getElementById(target.substring(1))).as(target).isNotNull();
        }
        assertThat(toc.selectFirst("a[href=#proposal-2]").parent().text()).contains("(No comments yet)");
        assertThat(toc.selectFirst("a[href=#comments]").parent().text()).contains("(1 comment)");
        assertThat(toc.selectFirst("a[href=#proposal-1]").closest("ol").children()).as("the five proposals, numbered").hasSize(5);
        assertThat(toc.selectFirst("a[href$=/compare]").closest("ol, p").tagName()).as("beside them, not a sixth").isEqualTo("p");
    }

    @Test
    void everyPageTellsSearchEnginesWhatItHolds() {
        assertThat(description(page)).startsWith("To answer this question, we must first see what the concept of")
                .endsWith("\u2026").hasSizeLessThanOrEqualTo(160);
        assertThat(description(server.page(PATH + "/discussions/proposal-3")))
                .startsWith("Proposal 3: Honour the economic agreements, starting with the IP gas pipeline.");
        assertThat(description(server.page(PATH + "/discussions/general"))).startsWith("Readers discuss \u201CIs Strategic");
        String imported = page.getElementById("comments").selectFirst("article.comment").id().substring("comment-".length());
        assertThat(description(server.page(PATH + "/comments/" + imported)))
                .startsWith("Anonymous: Zia al Haq saw Sunni Punjabis as the Umma").hasSizeLessThanOrEqualTo(160);
        assertThat(description(server.page(PATH + "/compare"))).startsWith("The proposals of \u201CIs Strategic");
        assertThat(description(server.page(PATH + "/search?q=pipeline"))).startsWith("Search the readers' comments");
        assertThat(description(server.page(PATH + "/comments/" + imported + "/history")))
                .startsWith("Every version of a comment by Anonymous on \u201CIs Strategic");
        assertThat(description(server.page(PATH + "/discussions/proposal-3/summary")))
                .startsWith("Every version of the moderators' summary of the readers' discussion of Proposal 3:");
        assertThat(description(server.page("/authors/new-link"))).startsWith("Lost your private link?");
        assertThat(description(server.page("/admin/login"))).startsWith("Moderators sign in here");
        assertThat(description(org.jsoup.Jsoup.parse(server.get("/no-such-page").body()))).as("the site's own elsewhere")
                .startsWith("Roundtable:");
    }

    private static String description(Document page) {
        assertThat(page.select("head meta[name=description]")).hasSize(1);
        return page.selectFirst("head meta[name=description]").attr("content");
    }

    @Test
    void headingsDescendOneLevelAtATime() {
        int previous = 0;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = Integer.parseInt(heading.tagName().substring(1));
            assertThat(level).as("heading '%s' after h%d", heading.text(), previous).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
        assertThat(page.select("h1")).hasSize(1);
    }

    @Test
    void pageUsesLandmarksAndOnlyItsOwnStylesheet() {
        assertThat(page.select("header, nav, main, article, footer")).isNotEmpty();
        assertThat(page.select("main")).hasSize(1);
        assertThat(page.select("script").eachAttr("src")).isNotEmpty()
                .allSatisfy(src -> assertThat(src).matches("/static/js/[a-z-]+\\.js\\?v=[0-9a-f]{12}"));
        assertThat(page.select("script")).as("no inline script").allMatch(script -> script.html().isEmpty());
        String css = page.selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/static/css/site\\.css\\?v=[0-9a-f]{12}");
        var response = server.get(css);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void htmlIsServedAsUtf8() {
        assertThat(server.get(PATH).headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    }

    /** The article file's paragraphs as a reader sees them: Markdown markers and escapes removed. */
    static List<String> articleParagraphs() {
        String file = TestResources.read("articles/iran-pakistan-strategic-alliance.md");
        String body = file.substring(file.indexOf("\n---\n", 4) + 5);
        return Arrays.stream(body.split("\n\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(p -> p.replaceFirst("^(## |\\d+\\. )", "").replace("\\*", "*"))
                .toList();
    }
}
