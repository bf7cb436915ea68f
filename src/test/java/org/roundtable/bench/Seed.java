package org.roundtable.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.roundtable.app.App;
import org.roundtable.app.Config;
import org.roundtable.comment.SearchWords;
import org.roundtable.db.Database;

/**
 * Fills a database for the benchmark with a realistic shape: about 30% top-level comments, replies up to
 * depth 8, bodies of 50 to 2,000 characters, names in several scripts, spread over all discussions, each with the
 * words search finds it by (one in a thousand also says "Zanzibar", which no other does).
 * Usage: {@code Seed <sqlite file> <comments>}. Writes rows directly, in large transactions, for speed.
 */
public final class Seed {

    static final String[] NAMES = {"Anonymous", "Sara", "\u0633\u0627\u0631\u0627", "\u0639\u0644\u06CC",
            "\u0627\u062D\u0645\u062F", "Hamid", "\u674E\u660E", "Jean-Luc", "\u00C9lodie", "\u0418\u0432\u0430\u043D"};
    static final String WORDS = "the pipeline port balance trust Iran Pakistan China India Gwadar Chabahar culture Urdu "
            + "Persian region trade security gas agreement alliance \u0627\u06CC\u0631\u0627\u0646 \u067E\u0627\u06A9\u0633\u062A\u0627\u0646 "
            + "\u0627\u062A\u062D\u0627\u062F \u0645\u0646\u0637\u0642\u0647";

    public static void main(String[] args) throws Exception {
        String file = args[0];
        int total = Integer.parseInt(args[1]);
        String url = "jdbc:sqlite:" + file;
        var config = Config.fromMap(Map.of("DATABASE_URL", url));
        try (Database database = Database.open(url, Duration.ofSeconds(30))) {
            App.importArticles(config, database, Clock.systemUTC());
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            List<Long> discussions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM discussions ORDER BY id")) {
                while (rows.next()) {
                    discussions.add(rows.getLong(1));
                }
            }
            insert(connection, discussions, total, new Random(42));
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        UPDATE discussions SET comment_count =
                          (SELECT COUNT(*) FROM comments c WHERE c.discussion_id = discussions.id AND c.status = 'published'),
                          thread_count =
                          (SELECT COUNT(*) FROM comments c WHERE c.discussion_id = discussions.id AND c.parent_id IS NULL)""");
            }
            connection.commit();
        }
        System.out.printf("Seeded %,d comments in %.1f s%n", total, (System.nanoTime() - started) / 1e9);
    }

    private static void insert(Connection connection, List<Long> discussions, int total, Random random) throws Exception {
        String sql = """
                INSERT INTO comments (id, discussion_id, parent_id, root_id, depth, author_name, body, status, created_at,
                                      search_words)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'published', ?, ?)""";
        long firstId;
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM comments")) {
            max.next();
            firstId = max.getLong(1);
        }
        // Per comment: its discussion, root and depth, so replies can pick a parent anywhere in a thread.
        long[] discussionOf = new long[total];
        long[] rootOf = new long[total];
        int[] depthOf = new int[total];
        Instant time = Instant.parse("2018-03-24T00:00:00Z");
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < total; i++) {
                long id = firstId + i;
                boolean topLevel = i == 0 || random.nextDouble() < 0.3;
                int parent = topLevel ? -1 : recentParent(random, i, depthOf);
                discussionOf[i] = topLevel ? discussions.get(random.nextInt(discussions.size())) : discussionOf[parent];
                rootOf[i] = topLevel ? id : rootOf[parent];
                depthOf[i] = topLevel ? 0 : depthOf[parent] + 1;
                time = time.plusSeconds(1 + random.nextInt(60));
                insert.setLong(1, id);
                insert.setLong(2, discussionOf[i]);
                if (topLevel) {
                    insert.setNull(3, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(3, firstId + parent);
                }
                insert.setLong(4, rootOf[i]);
                insert.setInt(5, depthOf[i]);
                insert.setString(6, NAMES[random.nextInt(NAMES.length)]);
                // One comment in a thousand names a place no other does: what a selective search finds.
                String body = body(random) + (i % 1_000 == 999 ? " Zanzibar" : "");
                insert.setString(7, body);
                insert.setLong(8, time.toEpochMilli());
                insert.setString(9, SearchWords.of(body));
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** A parent among the last few hundred comments, no deeper than 7, so replies reach depth 8 at most. */
    private static int recentParent(Random random, int i, int[] depthOf) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate = Math.max(0, i - 1 - random.nextInt(Math.min(i, 300)));
            if (depthOf[candidate] < 8) {
                return candidate;
            }
        }
        return 0;
    }

    private static String body(Random random) {
        String[] words = WORDS.split(" ");
        int length = 50 + random.nextInt(1_951);
        var body = new StringBuilder(length + 20);
        while (body.length() < length) {
            body.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ".\n\n" : " ");
        }
        return body.substring(0, length).strip();
    }

    private Seed() {}
}
