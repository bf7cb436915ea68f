package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.article.ArticleImporter;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.comment.CommentRepository.NewComment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.db.Database;
import org.roundtable.history.CommentHistory;
import org.roundtable.moderation.ModerationActions.Decision;
import org.roundtable.rendering.Formats;

/**
 * Moderators deciding on the same comment at the same moment (two of them, or one double-clicking through two
 * instances): the comment changes once and the discussion's counts move once, on either engine (PostgreSQL runs
 * these transactions side by side under READ COMMITTED).
 */
class ModerationRaceTest {

    @TempDir
    Path folder;

    @Test
    void simultaneousApprovalsCountTheCommentOnce() throws Exception {
        try (var database = Database.open(TestDatabases.url(folder), Duration.ofSeconds(10))) {
            var jdbi = database.jdbi();
            new ArticleImporter(jdbi, Clock.systemUTC()).importBundled();
            Discussion discussion = jdbi.withHandle(h -> h.attach(DiscussionRepository.class).find(
                    h.createQuery("SELECT id FROM articles").mapTo(Long.class).one(), Discussion.proposalKey(2)).orElseThrow());
            long held = jdbi.withHandle(h -> h.attach(CommentRepository.class).add(discussion.id(), null,
                    new NewComment(null, "Rana", "Waiting for a moderator", CommentStatus.HELD, "a test", null,
                            Clock.systemUTC().instant(), null)));
            var audit = new AuditLog(Clock.systemUTC());
            var actions = new ModerationActions(jdbi, audit, new CommentHistory(jdbi, audit, new Formats(ZoneOffset.UTC), Clock.systemUTC()),
                    Clock.systemUTC());

            int moderators = 8;
            ExecutorService pool = Executors.newFixedThreadPool(moderators);
            var start = new CountDownLatch(1);
            List<Future<?>> decisions = new ArrayList<>();
            for (int i = 0; i < moderators; i++) {
                decisions.add(pool.submit(() -> {
                    start.await();
                    return actions.decide(new Actor(null, "a moderator"), Decision.APPROVE, held);
                }));
            }
            start.countDown();
            for (Future<?> decision : decisions) {
                decision.get();
            }
            pool.shutdown();

            Discussion after = jdbi.withHandle(h -> h.attach(DiscussionRepository.class).findById(discussion.id()).orElseThrow());
            assertThat(after.commentCount()).isEqualTo(discussion.commentCount() + 1);
            assertThat(after.threadCount()).isEqualTo(discussion.threadCount() + 1);
            int audited = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'comment.approve' AND before_value = 'held'")
                    .mapTo(Integer.class).one());
            assertThat(audited).as("one move out of the queue in the audit log").isEqualTo(1);
        }
    }
}
