package org.roundtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Starts the real jar, posts a burst from several clients, kills the process with SIGKILL in the middle,
 * restarts it on the same file and finds every comment that had been acknowledged with a 303. That holds
 * because every commit is durable before the answer goes out: WAL with synchronous=FULL.
 */
// It times nothing, so it shares the machine with the browser tests rather than waiting for a quiet one.
@Execution(ExecutionMode.CONCURRENT)
class CrashRecoveryIT {

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedCommentSurvivesKillNine() throws Exception {
        var env = PostingBurst.env("jdbc:sqlite:" + folder.resolve("crash.db"));
        JarProcess jar = JarProcess.start(folder, env);
        PostingBurst burst = PostingBurst.start(jar, 8);
        burst.awaitAcknowledged(300);
        jar.crash();
        System.out.printf("Crash test: %d comments acknowledged before SIGKILL%n", burst.finish());

        try (JarProcess restarted = JarProcess.start(folder, env)) {
            assertThat(burst.missingFrom(restarted)).as("acknowledged but lost").isEmpty();
        }
    }
}
