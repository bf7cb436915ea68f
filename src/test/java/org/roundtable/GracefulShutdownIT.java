package org.roundtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * SIGTERM, as a container runtime sends it, in the middle of a burst of posts: the server stops accepting,
 * finishes what it started, flushes the writer and closes the database, and every acknowledged comment is
 * there after a restart.
 */
// It times nothing, so it shares the machine with the browser tests rather than waiting for a quiet one.
@Execution(ExecutionMode.CONCURRENT)
class GracefulShutdownIT {

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedCommentSurvivesSigterm() throws Exception {
        var env = PostingBurst.env("jdbc:sqlite:" + folder.resolve("term.db"));
        JarProcess jar = JarProcess.start(folder, env);
        PostingBurst burst = PostingBurst.start(jar, 8);
        burst.awaitAcknowledged(200);
        jar.close();
        burst.finish();

        try (JarProcess restarted = JarProcess.start(folder, env)) {
            assertThat(burst.missingFrom(restarted)).as("acknowledged but lost").isEmpty();
            assertThat(restarted.log()).doesNotContain("Exception");
        }
    }
}
