package org.roundtable.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestServer;

class ArticleImportTest {

    @TempDir
    Path folder;

    @Test
    void restartingTwiceLeavesExactlyOneArticleAndOneImportedComment() {
        for (int start = 0; start < 3; start++) {
            try (var server = TestServer.start(folder)) {
                assertThat(server.page("/articles/iran-pakistan-strategic-alliance").select("article.comment")).hasSize(1);
            }
        }
        try (var server = TestServer.start(folder)) {
            var counts = server.jdbi().withHandle(h -> h.createQuery("""
                    SELECT (SELECT COUNT(*) FROM articles) || '/' || (SELECT COUNT(*) FROM discussions)
                           || '/' || (SELECT COUNT(*) FROM comments)""").mapTo(String.class).one());
            assertThat(counts).isEqualTo("1/6/1");
        }
    }

    @Test
    void articlesFolderAddsArticlesAndTheFrontPageListsThem() {
        Path articles = TestServer.articlesFolderWithASecondArticle(folder);
        var config = TestServer.config(folder, Map.of("ARTICLES_DIR", articles.toString()));
        try (var server = TestServer.start(config)) {
            var front = server.page("/");
            assertThat(front.select("ul.article-list a").eachAttr("href"))
                    .containsExactly("/articles/a-second-analysis", "/articles/iran-pakistan-strategic-alliance");
            var second = server.page("/articles/a-second-analysis");
            assertThat(second.selectFirst("h1").text()).isEqualTo("A Second Analysis");
            assertThat(second.selectFirst(".byline").text()).isEqualTo("By Jane Roe");
            assertThat(second.getElementById("proposal-1").text()).contains("Talk more, and listen.");
            assertThat(second.getElementById("comments").selectFirst("h2").text())
                    .isEqualTo("No thoughts yet on \u201CA Second Analysis\u201D");
        }
    }
}
