package org.roundtable.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.comment.SearchWords;
import org.roundtable.db.Database;
import org.roundtable.db.FullText;

/**
 * Every code point, written between two letters, through SearchWords and the engine's own index: the engine must
 * hold exactly the words Java made, or a word Java keeps whole becomes a phrase of several tokens in the engine
 * (slow, and found differently by each engine).
 */
class SearchWordsEngineTest {

    private static final int CHUNK = 100_000;

    @TempDir
    Path folder;

    @Test
    void theEngineHoldsExactlyTheWordsJavaMakesOfEveryCodePoint() {
        String url = TestDatabases.onPostgresql() ? postgresqlInUnicodeLocale() : TestDatabases.url(folder);
        try (var database = Database.open(url, Duration.ofSeconds(30))) {
            List<Integer> codePoints = new ArrayList<>();
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (Character.getType(cp) != Character.SURROGATE) {
                    codePoints.add(cp);
                }
            }
            Map<Integer, Set<String>> engine = database.jdbi().withHandle(handle -> TestDatabases.onPostgresql()
                    ? postgresql(handle, database.fullText(), codePoints)
                    : sqlite(handle, codePoints));

            Map<Integer, String> differing = new TreeMap<>();
            for (int cp : codePoints) {
                Set<String> java = new HashSet<>(SearchWords.words(text(cp)));
                Set<String> indexed = engine.getOrDefault(cp, Set.of());
                if (!java.equals(indexed)) {
                    differing.put(cp, "Java " + java + ", engine " + indexed);
                }
            }
            assertThat(differing).withFailMessage(() -> ranges(differing)).isEmpty();
        }
    }

    /**
     * A database whose character classes are Unicode's (C.UTF-8 comes with every glibc), as an operator's usually
     * are: under the C locale of the tests' other databases PostgreSQL's own parser counts every non-ASCII
     * character as a letter, so a stored vector that still depended on it would pass there.
     */
    private static String postgresqlInUnicodeLocale() {
        String name = "roundtable_unicode_locale";
        try (var connection = TestDatabases.server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return TestDatabases.server().getJdbcUrl("postgres", name);
    }

    /** The tokens FTS5 stores for each text, read back from the production table's index (fts5vocab). */
    private static Map<Integer, Set<String>> sqlite(Handle handle, List<Integer> codePoints) {
        handle.useTransaction(h -> insert(h.getConnection(), "INSERT INTO comment_search (rowid, search_words) VALUES (?, ?)",
                codePoints));
        handle.execute("CREATE VIRTUAL TABLE temp.probe_terms USING fts5vocab(main, comment_search, instance)");
        Map<Integer, Set<String>> tokens = new HashMap<>();
        handle.createQuery("SELECT doc, term FROM probe_terms")
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .forEach(token -> tokens.computeIfAbsent(token.getKey(), cp -> new HashSet<>()).add(token.getValue()));
        return tokens;
    }

    /**
     * The lexemes of the vector PostgreSQL stores (the column's own generation expression, read from the catalog),
     * and whether the query {@code FullText} writes for the same words matches it.
     */
    private static Map<Integer, Set<String>> postgresql(Handle handle, FullText fullText, List<Integer> codePoints) {
        String vector = handle.createQuery("""
                        SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
                          JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                         WHERE d.adrelid = 'comments'::regclass AND a.attname = 'search_vector'""")
                .mapTo(String.class).one();
        Map<Integer, Set<String>> lexemes = new HashMap<>();
        for (int from = 0; from < codePoints.size(); from += CHUNK) {
            List<Integer> chunk = codePoints.subList(from, Math.min(from + CHUNK, codePoints.size()));
            try {
                Connection connection = handle.getConnection();
                var statement = connection.prepareStatement("""
                        SELECT t.cp, tsvector_to_array(%1$s), %1$s @@ CAST(t.terms AS tsquery)
                          FROM unnest(?::int[], ?::text[], ?::text[]) AS t(cp, search_words, terms)""".formatted(vector));
                statement.setArray(1, connection.createArrayOf("int4", chunk.toArray()));
                statement.setArray(2, connection.createArrayOf("text",
                        chunk.stream().map(cp -> SearchWords.of(text(cp))).toArray()));
                statement.setArray(3, connection.createArrayOf("text",
                        chunk.stream().map(cp -> fullText.terms().apply(SearchWords.words(text(cp)))).toArray()));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Set<String> found = new HashSet<>(List.of((String[]) rows.getArray(2).getArray()));
                        if (!rows.getBoolean(3)) {
                            found.add("(the query does not match)");
                        }
                        lexemes.put(rows.getInt(1), found);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return lexemes;
    }

    private static void insert(Connection connection, String sql, List<Integer> codePoints) {
        try (var statement = connection.prepareStatement(sql)) {
            for (int cp : codePoints) {
                statement.setInt(1, cp);
                statement.setString(2, SearchWords.of(text(cp)));
                statement.addBatch();
                if (cp % 10_000 == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(int cp) {
        return "a" + Character.toString(cp) + "b";
    }

    /** The differing code points as ranges, each with its first example, so a failure reads in a few lines. */
    private static String ranges(Map<Integer, String> differing) {
        var out = new StringBuilder().append(differing.size()).append(" code points differ:");
        int start = -1;
        int previous = -2;
        for (int cp : differing.keySet()) {
            if (cp != previous + 1) {
                if (start >= 0) {
                    out.append(range(start, previous, differing.get(start)));
                }
                start = cp;
            }
            previous = cp;
        }
        if (start >= 0) {
            out.append(range(start, previous, differing.get(start)));
        }
        return out.toString();
    }

    private static String range(int first, int last, String example) {
        return "\n U+%04X%s: %s".formatted(first, first == last ? "" : "..U+%04X".formatted(last), example);
    }
}
