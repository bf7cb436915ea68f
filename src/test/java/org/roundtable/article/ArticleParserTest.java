package org.roundtable.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private final ArticleParser parser = new ArticleParser();

    private static final String FRONT = """
            ---
            title: Title
            slug: title
            author: A. Writer
            published: 2021-05-06
            proposals:
              - First
              - Second
            comments:
              - author: ""
                posted: 2021-05-07T08:09:10Z
                body: "Earlier comment"
            ---
            """;

    @Test
    void splitsLeadProposalsAndClosingAtTheNumberedListUnderProposedSolutions() {
        var article = parser.parse(FRONT + """
                Lead paragraph.

                1. A numbered list before the proposals is not them.

                ## Proposed solutions

                Introduction.

                1. First proposal,
                   over two lines.

                2. Second proposal.

                Closing note.
                """, "test.md");

        assertThat(article.slug()).isEqualTo("title");
        assertThat(article.published()).isEqualTo(LocalDate.of(2021, 5, 6));
        assertThat(article.byline()).isEqualTo("By A. Writer");
        assertThat(article.leadMarkdown()).startsWith("Lead paragraph.").endsWith("Introduction.");
        assertThat(article.proposals()).extracting(ArticleSource.Proposal::title).containsExactly("First", "Second");
        assertThat(article.proposals()).extracting(ArticleSource.Proposal::markdown)
                .containsExactly("First proposal,\nover two lines.", "Second proposal.");
        assertThat(article.closingMarkdown()).isEqualTo("Closing note.");
        assertThat(article.comments()).singleElement().satisfies(comment -> {
            assertThat(comment.discussionKey()).isEqualTo("general");
            assertThat(comment.posted()).isEqualTo(Instant.parse("2021-05-07T08:09:10Z"));
            assertThat(comment.body()).isEqualTo("Earlier comment");
        });
    }

    @Test
    void aFileWithoutFrontMatterIsRefusedWithTheReason() {
        assertThatThrownBy(() -> parser.parse("# Just markdown\n", "plain.md"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("plain.md")
                .hasMessageContaining("front matter");
    }

    @Test
    void anArticleWithoutProposalsIsRefused() {
        assertThatThrownBy(() -> parser.parse(FRONT + "\nNo list here.\n", "empty.md"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("no numbered list under a 'Proposed solutions' heading");
    }

    @Test
    void proposalTitlesMustMatchTheList() {
        assertThatThrownBy(() -> parser.parse(FRONT + "\n## Proposed solutions\n\n1. Only one.\n", "short.md"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("names 2 proposals but the list under 'Proposed solutions' has 1");
    }

    @Test
    void missingKeysAndBadDatesAreNamed() {
        assertThatThrownBy(() -> parser.parse(FRONT.replace("slug: title\n", ""), "noslug.md"))
                .hasMessageContaining("no 'slug'");
        assertThatThrownBy(() -> parser.parse(FRONT.replace("2021-05-06", "May 6"), "date.md"))
                .hasMessageContaining("'published' must be a date");
        assertThatThrownBy(() -> parser.parse(FRONT.replace("slug: title", "slug: ../Title"), "slug.md"))
                .hasMessageContaining("'slug' may hold only a-z, 0-9 and single hyphens");
    }

    @Test
    void theBundledArticleHasFiveProposalsAndItsOriginalComment() {
        String resource = ArticleImporter.BUNDLED.get(0);
        var article = parser.parse(TestResources.read(resource), resource);
        assertThat(article.slug()).isEqualTo("iran-pakistan-strategic-alliance");
        assertThat(article.proposals()).hasSize(5);
        assertThat(article.proposals().get(0).markdown()).startsWith("If Pakistan expects the Islamic Republic of Iran");
        assertThat(article.proposals().get(4).markdown()).endsWith("after conducting necessary studies and repair measures.");
        assertThat(article.comments()).singleElement()
                .satisfies(c -> assertThat(c.posted()).isEqualTo(Instant.parse("2018-03-23T15:20:00Z")));
    }
}
