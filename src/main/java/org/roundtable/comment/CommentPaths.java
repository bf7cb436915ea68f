package org.roundtable.comment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The addresses of discussion pages, in one place so links and redirects agree. */
public final class CommentPaths {

    public static String article(String slug) {
        return "/articles/" + slug;
    }

    /** A comment's own page: the comment, its replies, and the form to answer it. */
    public static String comment(String slug, long id) {
        return article(slug) + "/comments/" + id;
    }

    /** A discussion's own page, where all its threads can be read a page at a time. */
    public static String discussion(String slug, String discussionKey) {
        return article(slug) + "/discussions/" + discussionKey;
    }

    /**
     * Page {@code number} of a discussion read in {@code sort} order, starting after {@code after} (null: from the
     * start), of the threads of {@code stance} only (null: all of them).
     */
    public static String discussionPage(String discussionPath, Sort sort, Stance stance, int number, ThreadCursor after) {
        return discussionPath + "?sort=" + sort.queryValue() + (stance == null ? "" : "&stance=" + stance.value())
                + (number > 1 ? "&page=" + number : "") + (after == null ? "" : "&after=" + after.value(sort));
    }

    /** The comments of an article that hold the words of {@code query}. */
    public static String search(String slug, String query) {
        return article(slug) + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** The article's proposals side by side. */
    public static String comparison(String slug) {
        return article(slug) + "/compare";
    }

    public static String discussionFeed(String slug, String discussionKey) {
        return article(slug) + "/discussions/" + discussionKey + "/comments.atom";
    }

    private CommentPaths() {}
}
