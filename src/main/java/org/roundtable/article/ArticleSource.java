package org.roundtable.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An article as read from its Markdown file, before it is stored. */
public record ArticleSource(
        String slug,
        String title,
        String author,
        String byline,
        String source,
        LocalDate published,
        String leadMarkdown,
        List<Proposal> proposals,
        String closingMarkdown,
        List<SeedComment> comments) {

    /** One item of the numbered list under "Proposed solutions", with the title the front matter gives it. */
    public record Proposal(String title, String markdown) {}

    /** A comment that already existed where the article was first published, imported with its date. */
    public record SeedComment(String discussionKey, String author, Instant posted, String body) {}
}
