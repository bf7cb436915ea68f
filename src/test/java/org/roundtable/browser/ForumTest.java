package org.roundtable.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.roundtable.JarProcess;

/**
 * Each browser test gets an article of its own on the shared forum (see {@link SharedForum}): no other test posts
 * in it, so it reads as it would on a fresh database. Since no test shares content with another, they run side by
 * side (the failsafe plugin sets how many at once).
 */
@Execution(ExecutionMode.CONCURRENT)
abstract class ForumTest {

    JarProcess forum;
    /** This test's article, e.g. {@code /articles/iran-pakistan-strategic-alliance-7}. */
    String article;
    /** Its title, which tells it apart on the admin pages. */
    String articleTitle;

    @BeforeEach
    void takeAnArticleOfItsOwn() throws Exception {
        forum = SharedForum.jar();
        var own = SharedForum.freshArticle();
        article = own.path();
        articleTitle = own.title();
    }
}
