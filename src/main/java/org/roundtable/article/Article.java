package org.roundtable.article;

import java.time.LocalDate;

/** A stored article. Its proposals and general discussion are {@code Discussion}s. */
public record Article(
        long id,
        String slug,
        String title,
        String author,
        String byline,
        String source,
        LocalDate publishedOn,
        String leadMarkdown,
        String closingMarkdown,
        ModerationPolicy moderationPolicy) {}
