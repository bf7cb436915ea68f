package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;
import org.roundtable.comment.Comment;
import org.roundtable.comment.Text;

/**
 * Property test with generated input: random Unicode, markup and SQL fragments posted as names and bodies.
 * For every case: no 5xx; what is stored is the typed text after the documented cleaning; what is shown is
 * exactly what is stored; and nothing typed becomes an element, an event handler or a script URL.
 */
class RandomInputTest {

    static final int CASES = 150;
    static final long SEED = 20_181_223L;

    static final List<String> FRAGMENTS = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
            "'; DROP TABLE comments; --", "\" OR \"1\"=\"1", "[x](javascript:alert(1))", "[y](  javascript:alert(1))",
            "<a href=\"javascript:x\">a</a>", "![i](x\" onerror=\"alert(1))", "${7*7}", "[[${7*7}]]", "&amp;", "&lt;b&gt;",
            "</textarea><b>", "<!--", "]]>", "**", "_", "`", "> ", "- ", "1. ", "\n\n", "\t", "\r\n", "\u0000", "\u0007",
            "\u202E", "\u2066", "\u200D", "e\u0301", "\uD83D\uDE00", "\uD83C\uDDEE\uD83C\uDDF7", "سلام", "پاکستان", "اردو",
            "中文", "ñ", "\uFEFF", "<svg/onload=alert(1)>", "<iframe src=//x>", "%3Cscript%3E", "\\", "'", "\"");

    static final Set<String> ALLOWED = Set.of("p", "em", "strong", "a", "blockquote", "code", "pre", "ul", "ol", "li", "br");

    @TempDir
    Path folder;

    @Test
    void randomTextRoundTripsAndNeverBecomesMarkup() {
        Random random = new Random(SEED);
        try (var server = TestServer.start(folder)) {
            Reader reader = server.reader();
            for (int i = 0; i < CASES; i++) {
                String name = randomText(random, 4);
                String body = randomText(random, 12);
                String label = "case " + i + " (seed " + SEED + "): name=" + escape(name) + " body=" + escape(body);

                var response = reader.submit(reader.open(ARTICLE), "#reply-general", Map.of("name", name, "body", body));
                assertThat(response.statusCode()).as(label).isLessThan(500);
                if (response.statusCode() != 303) {
                    assertThat(response.statusCode()).as(label).isEqualTo(422);
                    continue;
                }
                long id = Reader.postedId(response);
                var stored = server.jdbi().withHandle(h -> h.createQuery("SELECT author_name, body FROM comments WHERE id = :id")
                        .bind("id", id).mapToMap().one());
                assertThat(stored.get("author_name")).as(label).isEqualTo(Text.name(name));
                assertThat(stored.get("body")).as(label).isEqualTo(Text.body(body));

                Document page = reader.follow(response);
                Element comment = page.getElementById("comment-" + id);
                assertThat(comment.selectFirst(".comment-author").wholeText()).as(label).isEqualTo(Text.name(name));
                assertThat(comment.selectFirst(".comment-author").children()).as(label).isEmpty();
                assertInert(comment.selectFirst(".comment-body"), label);
                assertThat(page.select("script").eachAttr("src")).as(label).allMatch(src -> src.startsWith("/static/js/"));
                assertThat(page.select("script:not([src])")).as(label).isEmpty();

                Document edit = reader.open(ARTICLE + "/comments/" + id + "/edit");
                assertThat(edit.selectFirst("textarea[name=body]").wholeText()).as(label).isEqualTo(Text.body(body));
                String typedName = Text.name(name).equals(Comment.ANONYMOUS) ? "" : Text.name(name);
                assertThat(edit.selectFirst("input[name=name]").val()).as(label).isEqualTo(typedName);
            }
        }
    }

    private static void assertInert(Element body, String label) {
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            assertThat(ALLOWED).as(label + " element <" + element.tagName() + ">").contains(element.tagName());
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).as(label).doesNotStartWith("on");
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                assertThat(value).as(label).doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
            });
        }
    }

    private static String randomText(Random random, int maxPieces) {
        var text = new StringBuilder();
        int pieces = 1 + random.nextInt(maxPieces);
        for (int i = 0; i < pieces; i++) {
            if (random.nextBoolean()) {
                text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            } else {
                text.appendCodePoint(randomCodePoint(random));
            }
        }
        return text.toString();
    }

    /** Mostly printable text from several scripts, now and then something nasty. */
    private static int randomCodePoint(Random random) {
        int[][] ranges = {{0x20, 0x7E}, {0xA0, 0x24F}, {0x600, 0x6FF}, {0x4E00, 0x4FFF}, {0x1F300, 0x1F64F}, {0x0, 0x1F},
                {0x300, 0x36F}, {0x2000, 0x206F}};
        int[] range = ranges[random.nextInt(ranges.length)];
        return range[0] + random.nextInt(range[1] - range[0] + 1);
    }

    private static String escape(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(cp < 0x20 || cp > 0x7E ? String.format("\\u{%x}", cp) : Character.toString(cp)));
        return out.toString();
    }
}
