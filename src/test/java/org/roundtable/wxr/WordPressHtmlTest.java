package org.roundtable.wxr;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.roundtable.rendering.CommentMarkdown;

/** WordPress comment HTML, turned into Markdown and rendered as readers will see it. */
class WordPressHtmlTest {

    private static Element shown(String wordPressHtml) {
        return Jsoup.parseBodyFragment(new CommentMarkdown().toHtml(WordPressHtml.toMarkdown(wordPressHtml))).body();
    }

    @Test
    void theSubsetKeepsItsFormattingAndEverythingElseItsText() {
        Element body = shown("<strong>Bold</strong> and <em>soft</em>, <del>gone</del>, <code>a &lt; b</code>\n"
                + "<h2>A heading</h2><blockquote>Quoted <b>words</b></blockquote><ul><li>one</li><li>two</li></ul>"
                + "<table><tr><td>cell</td></tr></table><span style=\"color:red\">plain</span>");
        assertThat(body.select("strong").eachText()).containsExactly("Bold", "A heading", "words");
        assertThat(body.select("em").text()).isEqualTo("soft");
        assertThat(body.select("del").text()).isEqualTo("gone");
        assertThat(body.select("code").text()).isEqualTo("a < b");
        assertThat(body.select("blockquote").text()).isEqualTo("Quoted words");
        assertThat(body.select("li").eachText()).containsExactly("one", "two");
        assertThat(body.select("h2, table, span[style]")).isEmpty();
        assertThat(body.text()).contains("cell", "plain");
    }

    @Test
    void nothingRunsAndOnlyWebLinksStayLinks() {
        Element body = shown("<script>alert(1)</script><style>p{}</style><iframe src=\"https://evil.example\"></iframe>"
                + "<a href=\"javascript:alert(1)\">click</a> <a href=\"https://example.org/a_(b)\">ok</a>"
                + "<img src=x onerror=alert(1) alt=\"a picture\"><p onclick=\"x()\">para</p>");
        assertThat(body.select("script, style, iframe, img, [onclick], [onerror]")).isEmpty();
        assertThat(body.text()).doesNotContain("alert").contains("click", "a picture", "para");
        assertThat(body.select("a").eachAttr("href")).containsExactly("https://example.org/a_%28b%29");
    }

    @Test
    void wordPressParagraphRulesApplyAndIndentingIsNotCode() {
        Element body = shown("First line\nsecond line\n\n\tIndented by a tab\n    and by spaces");
        assertThat(body.select("p")).hasSize(2);
        assertThat(body.select("p").first().select("br")).hasSize(1);
        assertThat(body.select("pre, code")).isEmpty();
        assertThat(body.text()).contains("Indented by a tab", "and by spaces");
    }

    @Test
    void textThatLooksLikeMarkdownStaysText() {
        Element body = shown("*not emphasis* and [not](a link) and ~~not struck~~ &amp;copy;\n\n1. not a list\n\n- nor this\n\n> nor a quote\n\n# nor a heading");
        assertThat(body.select("em, a, del, ol, ul, blockquote, h1")).isEmpty();
        assertThat(body.text()).contains("*not emphasis*", "[not](a link)", "~~not struck~~", "&copy;", "1. not a list",
                "- nor this", "> nor a quote", "# nor a heading");
    }
}
