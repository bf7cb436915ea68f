package org.roundtable.discussion;

import java.util.ArrayList;
import java.util.List;
import org.unbescape.html.HtmlEscape;

/**
 * Writes threads of comments as HTML. Comments are most of a page, and as nested Thymeleaf fragments each
 * cost a fraction of a millisecond: a page of 20 threads took about 160 ms to render. Written directly, with
 * every value escaped, the same markup takes a few milliseconds. Page layout stays in the templates.
 */
public final class ThreadHtml {

    static final String DELETE_CONFIRMATION = "Delete this comment? This cannot be undone.";
    /** Room for one comment's markup besides its words: a little more than the most a comment takes. */
    private static final int MARKUP_PER_COMMENT = 1_024;

    /**
     * The list item of each thread. {@code formToken} goes into the forms of the reader's own comments. One
     * string per thread, not per page: a page's threads run to a megabyte, which in one string the garbage
     * collector must treat as humongous (see {@code PageBuffer}).
     */
    public static List<String> threads(List<CommentView> threads, String formToken) {
        var items = new ArrayList<String>(threads.size());
        for (CommentView thread : threads) {
            // Sized up front: grown by doubling, a long thread was copied over and over.
            var out = new StringBuilder(length(thread));
            out.append("<li>");
            comment(out, thread, formToken);
            out.append("</li>\n");
            items.add(out.toString());
        }
        return items;
    }

    private static void comment(StringBuilder out, CommentView c, String formToken) {
        out.append("<article class=\"comment").append(c.placeholder() != null ? " placeholder" : "")
                .append("\" id=\"").append(c.anchor()).append("\">\n");
        if (c.placeholder() != null) {
            out.append("<p class=\"comment-placeholder\">").append(text(c.placeholder())).append("</p>\n");
        } else {
            own(out, c, formToken);
        }
        if (!c.replies().isEmpty()) {
            out.append("<ol class=\"comment-list replies\">\n");
            for (CommentView reply : c.replies()) {
                out.append("<li>");
                comment(out, reply, formToken);
                out.append("</li>\n");
            }
            out.append("</ol>\n");
        }
        if (c.moreReplies()) {
            out.append("<p class=\"continue-thread\"><a href=\"").append(text(c.path()))
                    .append("\">Continue this thread →</a></p>\n");
        }
        out.append("</article>");
    }

    /** The comment itself: who wrote it and when, what they wrote, and what the reader can do with it. */
    private static void own(StringBuilder out, CommentView c, String formToken) {
        String path = text(c.path());
        out.append("<header class=\"comment-meta\">\n<span class=\"comment-author\" dir=\"auto\">").append(text(c.author()))
                .append("</span>\n<a class=\"permalink\" href=\"#").append(c.anchor()).append("\" title=\"Link to this comment\">")
                .append("<time datetime=\"").append(text(c.isoTime())).append("\">").append(text(c.readableTime()))
                .append("</time></a>\n");
        if (c.edited()) {
            out.append("<span class=\"edited\">").append(c.editedByModerator() ? "edited by a moderator" : "edited").append("</span>\n");
        }
        out.append("</header>\n");
        if (c.awaitingModeration()) {
            out.append("<p class=\"awaiting-moderation\">Your comment is awaiting moderation. "
                    + "Only you can see it until a moderator approves it.</p>\n");
        }
        // Already safe HTML: CommentMarkdown escapes raw HTML and sanitises links.
        out.append("<div class=\"comment-body\" dir=\"auto\">").append(c.bodyHtml()).append("</div>\n");
        out.append("<div class=\"comment-actions\">\n");
        if (!c.awaitingModeration()) {
            out.append("<a class=\"reply-link\" href=\"").append(path).append("#reply\" data-parent=\"").append(c.id())
                    .append("\">Reply</a>\n");
        }
        if (c.changeable()) {
            out.append("<a href=\"").append(path).append("/edit\">Edit</a>\n")
                    .append("<form class=\"inline-form\" method=\"post\" action=\"").append(path).append("/delete\">")
                    .append("<input type=\"hidden\" name=\"form_token\" value=\"").append(text(formToken)).append("\">")
                    .append("<button type=\"submit\" class=\"link-button delete-button\" data-confirm=\"")
                    .append(DELETE_CONFIRMATION).append("\">Delete</button></form>\n");
        } else {
            out.append("<a class=\"report-link\" href=\"").append(path).append("/report\">Report</a>\n");
        }
        out.append("</div>\n");
    }

    private static int length(CommentView comment) {
        int length = MARKUP_PER_COMMENT + comment.bodyHtml().length();
        for (CommentView reply : comment.replies()) {
            length += length(reply);
        }
        return length;
    }

    /** Escaped for text and for attribute values alike. */
    private static String text(String value) {
        return HtmlEscape.escapeHtml5Xml(value);
    }

    private ThreadHtml() {}
}
