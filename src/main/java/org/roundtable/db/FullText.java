package org.roundtable.db;

import java.util.List;
import java.util.function.Function;

/**
 * How this engine finds comments by their normalised words ({@code comments.search_words}), newest first, as SQL
 * pieces of one query: {@code fromSql} names the comments {@code c} (joined to the engine's index where it is a
 * table of its own), {@code matchSql} is true when a comment holds every word bound as {@code :searchTerms} (which
 * {@code terms} writes in the engine's query syntax), and {@code newestFirstSql} orders them so the engine can stop
 * after the first page. The words come from {@code SearchWords} (letters and digits only), so no operator a reader
 * types reaches either engine.
 */
public record FullText(String fromSql, String matchSql, String newestFirstSql, Function<List<String>, String> terms) {

    /**
     * SQLite's FTS5 table over the words, read newest first by its own rowid (the comment's id), so a word most
     * comments hold stops after a page instead of gathering every match first.
     */
    static final FullText SQLITE = new FullText(
            "comment_search s JOIN comments c ON c.id = s.rowid",
            "comment_search MATCH :searchTerms",
            "s.rowid DESC",
            words -> String.join(" ", words.stream().map(word -> "\"" + word + "\"").toList()));

    /**
     * PostgreSQL's stored tsvector of the words (each word one lexeme, see V14) and its GIN index: with the column's
     * statistics the planner reads a rare word from the index and a common one newest first by id. The query is read
     * as a tsquery's text, not parsed into words by {@code to_tsquery}, so the engine's idea of a word (which depends
     * on the server's locale) never differs from SearchWords'; each word is quoted, its quotes and backslashes
     * escaped, so whatever it holds is one lexeme and never an operator.
     */
    static final FullText POSTGRESQL = new FullText(
            "comments c",
            "c.search_vector @@ CAST(:searchTerms AS tsquery)",
            "c.id DESC",
            words -> String.join(" & ", words.stream()
                    .map(word -> "'" + word.replace("\\", "\\\\").replace("'", "''") + "'").toList()));
}
