package org.roundtable.identicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** Faces without email: one per writer per article, drawn inline, linking nobody across articles. */
class IdenticonTest {

    private static final String SECOND = "/articles/a-second-analysis";

    @TempDir
    Path folder;

    @Test
    void aWriterHasOneFacePerArticleAndOthersHaveTheirOwn() {
        Path articles = TestServer.articlesFolderWithASecondArticle(folder);
        try (var server = TestServer.start(TestServer.config(folder, Map.of("ARTICLES_DIR", articles.toString())))) {
            Reader sara = server.reader();
            long first = post(sara, ARTICLE, "First");
            long second = post(sara, ARTICLE, "Second");
            long elsewhere = post(sara, SECOND, "On the other article");
            long other = post(server.reader(), ARTICLE, "Someone else");

            Document page = server.page(ARTICLE);
            String face = face(page, first).outerHtml();
            assertThat(face(page, second).outerHtml()).isEqualTo(face);
            assertThat(face(page, other).outerHtml()).isNotEqualTo(face);
            assertThat(face(server.page(SECOND), elsewhere).outerHtml()).as("not linkable across articles").isNotEqualTo(face);

            Element svg = face(page, first);
            assertThat(svg.attr("aria-hidden")).isEqualTo("true");
            assertThat(svg.selectFirst("path").attr("fill")).matches("#[0-9a-f]{6}");
            assertThat(svg.select("[style]")).as("the CSP forbids inline styles").isEmpty();
            assertThat(svg.select("[href], image, use")).as("no request anywhere").isEmpty();
        }
    }

    private static long post(Reader reader, String article, String body) {
        return postedId(reader.submit(reader.open(article), "#reply-general", Map.of("body", body)));
    }

    private static Element face(Document page, long id) {
        return page.getElementById("comment-" + id).selectFirst(".comment-meta svg.identicon");
    }
}
