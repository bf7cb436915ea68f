package org.roundtable.db;

import java.util.List;
import java.util.function.Function;

/**
 * How this engine finds comments by their normalised words ({@code comments.search_words}): {@code matchSql} is a
 * condition on the comments aliased {@code c}, true when the comment holds every word bound as
 * {@code :searchTerms}, which {@code terms} writes in the engine's own query syntax. The words come from
 * {@code SearchWords} (letters and digits only), so no operator a reader types reaches either engine.
 */
public record FullText(String matchSql, Function<List<String>, String> terms) {

    /** SQLite's FTS5 table over the words: each word quoted, all of them required. */
    static final FullText SQLITE = new FullText(
            "c.id IN (SELECT rowid FROM comment_search WHERE comment_search MATCH :searchTerms)",
            words -> String.join(" ", words.stream().map(word -> "\"" + word + "\"").toList()));

    /** PostgreSQL's index of the words as lexemes of the 'simple' configuration, all of them required. */
    static final FullText POSTGRESQL = new FullText(
            "to_tsvector('simple', c.search_words) @@ to_tsquery('simple', :searchTerms)",
            words -> String.join(" & ", words.stream().map(word -> "'" + word + "'").toList()));
}
