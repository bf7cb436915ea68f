package org.roundtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Two instances of the packaged jar on one PostgreSQL, as behind a load balancer: readers, authors and moderators
 * move between them at every request and find one site; one instance killed with SIGKILL loses no acknowledged
 * comment.
 */
@Isolated("it times the jar; nothing else may load the machine meanwhile")
class SeveralInstancesIT {

    private static final String ARTICLE = PostingBurst.ARTICLE;
    private static final String PASSWORD = "one password for every instance";

    @TempDir
    Path folder;

    @Test
    void twoInstancesOnOnePostgresqlAreOneSite() throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", TestDatabases.freshPostgresql(), "ADMIN_PASSWORD", PASSWORD,
                "SPAM_MIN_FILL_SECONDS", "0");
        List<JarProcess> instances = startTogether(env);
        try (JarProcess a = instances.get(0); JarProcess b = instances.get(1)) {
            Reader onlooker = Reader.at(b);
            assertThat(onlooker.get(ARTICLE).headers().firstValue("ETag")).as("B caches the article").isPresent();

            Reader author = Reader.at(a);
            var posted = author.submit(author.open(ARTICLE), "#reply-proposal-1", Map.of("name", "Azadeh", "body", "Written through A"));
            long id = Reader.postedId(posted);
            Document ownPageOnB = author.via(b).open(ARTICLE + "/comments/" + id);
            assertThat(ownPageOnB.getElementById("comment-" + id).text()).as("the author sees it at once on B, as theirs")
                    .contains("Written through A", "Edit");
            long postedAt = System.nanoTime();
            while (!onlooker.get(ARTICLE).body().contains("Written through A")) {
                assertThat(Duration.ofNanos(System.nanoTime() - postedAt)).as("others see it on B").isLessThan(Duration.ofSeconds(1));
                Thread.sleep(20);
            }

            var tooSoon = author.via(b).submit(author.via(b).open(ARTICLE), "#reply-proposal-2", Map.of("body", "And again through B"));
            assertThat(tooSoon.statusCode()).as("the flood limit counts posts made on A").isEqualTo(429);

            Reader moderator = Reader.at(a);
            moderator.submit(moderator.open("/admin/login"), "form[action=/admin/login]", Map.of("username", "admin", "password", PASSWORD));
            assertThat(moderator.via(b).open("/admin").text()).as("signed in through A, signed in on B").contains("Signed in as admin");
            var banned = moderator.via(b).submit(moderator.via(b).open("/admin/comments/" + id + "/ban"), "form[action$=/ban]",
                    Map.of("reason", "Testing bans", "length", "7d"));
            assertThat(banned.statusCode()).isEqualTo(303);
            var afterBan = author.submit(author.open(ARTICLE), "#reply-proposal-3", Map.of("body", "Banned through B, posting on A"));
            assertThat(afterBan.statusCode()).as("a ban made on B holds on A").isEqualTo(403);

            Reader guesser = Reader.at(a);
            for (int attempt = 0; attempt < 5; attempt++) {
                Reader instance = guesser.via(attempt % 2 == 0 ? a : b);
                assertThat(instance.submit(instance.open("/admin/login"), "form[action=/admin/login]",
                        Map.of("username", "admin", "password", "wrong guess " + attempt)).statusCode()).isEqualTo(401);
            }
            Reader sixth = guesser.via(b);
            assertThat(sixth.submit(sixth.open("/admin/login"), "form[action=/admin/login]",
                    Map.of("username", "admin", "password", PASSWORD)).statusCode()).as("five failures over A and B pause sign-in")
                    .isEqualTo(429);
        }
    }

    @Test
    void instancesPostingTogetherLoseNothingAndAKilledOneLosesNoAcknowledgedComment() throws Exception {
        String url = TestDatabases.freshPostgresql();
        List<JarProcess> instances = startTogether(PostingBurst.env(url));
        try (JarProcess a = instances.get(0); JarProcess b = instances.get(1)) {
            PostingBurst toA = PostingBurst.start(a, 8);
            PostingBurst toB = PostingBurst.start(b, 8);
            toA.awaitAcknowledged(300);
            a.crash();
            int acknowledgedByA = toA.finish();
            Thread.sleep(500);
            b.close();
            int acknowledgedByB = toB.finish();
            System.out.printf("Two instances: %d comments acknowledged by A before SIGKILL, %d by B%n", acknowledgedByA, acknowledgedByB);

            try (JarProcess restarted = JarProcess.start(folder, PostingBurst.env(url))) {
                assertThat(toA.missingFrom(restarted)).as("acknowledged by A but lost").isEmpty();
                assertThat(toB.missingFrom(restarted)).as("acknowledged by B but lost").isEmpty();
            }
            try (var database = org.roundtable.db.Database.open(url, Duration.ofSeconds(5))) {
                int duplicates = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM (SELECT body FROM comments GROUP BY body HAVING COUNT(*) > 1) AS repeated")
                        .mapTo(Integer.class).one());
                assertThat(duplicates).as("no comment stored twice").isZero();
                int miscounted = database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM discussions d
                         WHERE d.comment_count <> (SELECT COUNT(*) FROM comments c WHERE c.discussion_id = d.id AND c.status = 'published')""")
                        .mapTo(Integer.class).one());
                assertThat(miscounted).as("discussions whose count is off").isZero();
            }
        }
    }

    /** Starts two instances at the same moment, as an orchestrator does; both must come up. */
    private List<JarProcess> startTogether(Map<String, String> env) throws Exception {
        var first = CompletableFuture.supplyAsync(() -> start(folder.resolve("a"), env));
        var second = CompletableFuture.supplyAsync(() -> start(folder.resolve("b"), env));
        return List.of(first.get(), second.get());
    }

    private static JarProcess start(Path workDir, Map<String, String> env) {
        try {
            Files.createDirectories(workDir);
            return JarProcess.start(workDir, new HashMap<>(env));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
