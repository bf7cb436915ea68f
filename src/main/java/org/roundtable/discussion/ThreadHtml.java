package org.roundtable.discussion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.thymeleaf.util.IWritableCharSequence;
import org.unbescape.html.HtmlEscape;

/**
 * Threads of comments as HTML, written straight into the page as it renders ({@code rt:html} in the templates).
 * Comments are most of a page, and as nested Thymeleaf fragments each cost a fraction of a millisecond: a page
 * of 20 threads took about 160 ms to render. Written directly, with every value escaped, the same markup takes
 * a few milliseconds; written into the page rather than into a string first, a megabyte of it is neither
 * copied nor left for the garbage collector. Page layout stays in the templates.
 */
public final class ThreadHtml implements IWritableCharSequence {

    static final String DELETE_CONFIRMATION = "Delete this comment? This cannot be undone.";

    private final List<CommentView> threads;
    private final String formToken;
    private final boolean open;
    private String text;

    /**
     * {@code formToken} goes into the forms of the reader's own comments; {@code open} is false for a locked
     * discussion, whose comments offer no Reply (it would lead to a form that is not there).
     */
    public ThreadHtml(List<CommentView> threads, String formToken, boolean open) {
        this.threads = threads;
        this.formToken = formToken;
        this.open = open;
    }

    /** The list item of each thread. */
    @Override
    public void write(Writer out) throws IOException {
        for (CommentView thread : threads) {
            out.write("<li>");
            comment(out, thread);
            out.write("</li>\n");
        }
    }

    /** The same HTML as a string. Pages never ask for it: they have the threads write themselves. */
    @Override
    public String toString() {
        if (text == null) {
            var out = new StringWriter();
            try {
                write(out);
            } catch (IOException e) {
                throw new UncheckedIOException("A StringWriter does not fail", e);
            }
            text = out.toString();
        }
        return text;
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int index) {
        return toString().charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    private void comment(Writer out, CommentView c) throws IOException {
        out.append("<article class=\"comment").append(c.placeholder() != null ? " placeholder" : "")
                .append("\" id=\"").append(c.anchor()).append("\">\n");
        if (c.placeholder() != null) {
            out.append("<p class=\"comment-placeholder\">").append(text(c.placeholder())).append("</p>\n");
        } else {
            own(out, c);
        }
        if (!c.replies().isEmpty()) {
            out.append("<ol class=\"comment-list replies\">\n");
            for (CommentView reply : c.replies()) {
                out.append("<li>");
                comment(out, reply);
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
    private void own(Writer out, CommentView c) throws IOException {
        String path = text(c.path());
        out.append("<header class=\"comment-meta\">\n<span class=\"comment-author\" dir=\"auto\">").append(text(c.author()))
                .append("</span>\n<a class=\"permalink\" href=\"").append(path).append("\" title=\"This comment's own page\">")
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
        // Each block of the body carries its own direction (see CommentMarkdown), so the body itself has none.
        out.append("<div class=\"comment-body\">").append(c.bodyHtml()).append("</div>\n");
        out.append("<div class=\"comment-actions\">\n");
        if (open && !c.awaitingModeration()) {
            out.append("<a class=\"reply-link\" href=\"").append(path).append("#reply\" data-parent=\"").append(String.valueOf(c.id()))
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

    /** Escaped for text and for attribute values alike. */
    private static String text(String value) {
        return HtmlEscape.escapeHtml5Xml(value);
    }
}
