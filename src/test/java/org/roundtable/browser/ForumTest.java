package org.roundtable.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.JarProcess;

/** Each browser test gets the packaged forum of its own, on a fresh database. */
abstract class ForumTest {

    @TempDir
    Path folder;
    JarProcess forum;

    @BeforeEach
    void startForum() throws Exception {
        forum = Forum.start(folder);
    }

    @AfterEach
    void stopForum() throws Exception {
        forum.close();
    }
}
