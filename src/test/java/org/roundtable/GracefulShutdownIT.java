package org.roundtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * SIGTERM, as a container runtime sends it, in the middle of a burst of posts: the server stops accepting,
 * finishes what it started, flushes the writer and closes the database, and every acknowledged comment is
 * there after a restart.
 */
// It times nothing, but run beside the browser tests it coincided with a browser test finding a page without its
// form (a flake never seen with it run alone), so it waits for a quiet machine, as the timed ones do.
@Isolated("kept apart from the browser tests")
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
