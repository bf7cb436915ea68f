package org.roundtable.threads;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.roundtable.author.PrivateLinkNotice;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Text;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.viewer.CommentView;
import org.roundtable.viewer.Viewer;
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
    /** The id of the form every Helpful button on a page sends (templates/discussion/threads.html, helpfulForm). */
    static final String HELPFUL_FORM = "helpful-form";
    /** How long a comment may be, in characters of text, before a preview shows only its start. */
    static final int PREVIEW_LENGTH = 240;

    /**
     * How threads are laid out: in full, replies open, on a discussion's own pages and a comment's page; on the
     * article, only the top-level comments, each with a link to its replies on the discussion's page (with 150
     * comments in every discussion, the replies made the article 9,000 elements and slow on a phone), whole in
     * the comment section after the article, or cut short in a preview under a proposal, so the article stays
     * readable between its discussions.
     */
    public enum Shape {
        FULL, REPLIES_LINKED, PREVIEW;

        boolean repliesShown() {
            return this == FULL;
        }
    }

    private final List<CommentView> threads;
    private final Viewer viewer;
    private final boolean open;
    private final Shape shape;
    private final String discussionPath;
    private String text;

    /**
     * {@code viewer}'s form token goes into the forms of their own comments, and their private link, while it
     * waits to be seen, beside the comment that brought it; {@code open} is false for a locked discussion, whose
     * comments offer no Reply (it would lead to a form that is not there). {@code discussionPath} is the first
     * page of the threads' discussion, which holds the threads the article shows, replies and all.
     */
    public ThreadHtml(List<CommentView> threads, Viewer viewer, boolean open, Shape shape, String discussionPath) {
        this.threads = threads;
        this.viewer = viewer;
        this.open = open;
        this.shape = shape;
        this.discussionPath = discussionPath;
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
            if (shape.repliesShown()) {
                replies(out, c);
            } else {
                linkToReplies(out, c);
            }
        }
        if (c.moreReplies()) {
            out.append("<p class=\"continue-thread\"><a href=\"").append(text(c.path()))
                    .append("\">Continue this thread →</a></p>\n");
        }
        out.append("</article>");
    }

    /**
     * The replies under a comment, in a disclosure that works without JavaScript, with the keyboard and with
     * screen readers (which announce it as expanded or collapsed), open until the reader folds it.
     */
    private void replies(Writer out, CommentView c) throws IOException {
        out.append("<details class=\"replies-toggle\" open>")
                .append("<summary>").append(replyCount(c)).append("</summary>\n")
                .append("<ol class=\"comment-list replies\">\n");
        for (CommentView reply : c.replies()) {
            out.append("<li>");
            comment(out, reply);
            out.append("</li>\n");
        }
        out.append("</ol>\n</details>\n");
    }

    /** Where the article leaves a thread's replies out: the way to the thread on its discussion's first page. */
    private void linkToReplies(Writer out, CommentView c) throws IOException {
        out.append("<p class=\"continue-thread\"><a href=\"").append(text(discussionPath)).append('#').append(c.anchor())
                .append("\">").append(replyCount(c)).append(" →</a></p>\n");
    }

    private static String replyCount(CommentView c) {
        int count = c.replyCount();
        return count == 1 ? "1 reply" : count + " replies";
    }

    /** The comment itself: who wrote it and when, what they wrote, and what the reader can do with it. */
    private void own(Writer out, CommentView c) throws IOException {
        String path = text(c.path());
        out.append("<header class=\"comment-meta\">\n");
        if (c.faceSvg() != null) {
            out.append(c.faceSvg());
        }
        out.append("<span class=\"comment-author\" dir=\"auto\">").append(text(c.author())).append("</span>\n");
        if (c.byArticleAuthor()) {
            out.append("<span class=\"author-badge\">Article author</span>\n");
        }
        if (c.stance() != null) {
            stance(out, c.stance());
        }
        out.append("<a class=\"permalink\" href=\"").append(path).append("\" title=\"This comment's own page\">")
                .append("<time datetime=\"").append(text(c.isoTime())).append("\">").append(text(c.readableTime()))
                .append("</time></a>\n");
        if (c.movedFrom() != null) {
            out.append("<span class=\"moved\">moved from ").append(text(c.movedFrom())).append(" by a moderator</span>\n");
        }
        if (c.edited()) {
            out.append("<a class=\"edited\" href=\"").append(path).append("/history\" title=\"How this comment changed\">")
                    .append(c.editedByModerator() ? "edited by a moderator" : "edited").append("</a>\n");
        }
        out.append("</header>\n");
        if (c.awaitingModeration()) {
            out.append("<p class=\"awaiting-moderation\">Your comment is awaiting moderation. "
                    + "Only you can see it until a moderator approves it.</p>\n");
        }
        body(out, c);
        out.append("<div class=\"comment-actions\">\n");
        if (!c.awaitingModeration() && !c.changeable()) {
            // Not on a reader's own comment, where their page knows it is theirs (the server refuses it anyway).
            helpful(out, c);
        }
        if (open && !c.awaitingModeration()) {
            out.append("<a class=\"reply-link\" href=\"").append(path).append("#reply\" data-parent=\"").append(String.valueOf(c.id()))
                    .append("\">Reply</a>\n");
        }
        if (c.changeable()) {
            out.append("<a href=\"").append(path).append("/edit\">Edit</a>\n")
                    .append("<form class=\"inline-form\" method=\"post\" action=\"").append(path).append("/delete\">")
                    .append("<input type=\"hidden\" name=\"form_token\" value=\"").append(text(viewer.formToken())).append("\">")
                    .append("<button type=\"submit\" class=\"link-button delete-button\" data-confirm=\"")
                    .append(DELETE_CONFIRMATION).append("\">Delete</button></form>\n")
                    .append("<a href=\"").append(PrivateLinkNotice.RENEWAL_PATH).append("\">Your private link</a>\n");
        } else {
            out.append("<a class=\"report-link\" href=\"").append(path).append("/report\">Report</a>\n");
        }
        out.append("</div>\n");
        if (viewer.privateLink() != null && viewer.privateLink().commentId() == c.id()) {
            privateLink(out, viewer.privateLink());
        }
    }

    /**
     * The words: in full, or in a preview the start of a long comment as plain text, with the way to the rest.
     * The HTML is already safe: CommentMarkdown escapes raw HTML and sanitises links. Each block of the body
     * carries its own direction (see CommentMarkdown), so the body itself has none.
     */
    private void body(Writer out, CommentView c) throws IOException {
        String words = shape == Shape.PREVIEW ? CommentMarkdown.textOf(c.bodyHtml()) : null;
        if (words == null || Text.length(words) <= PREVIEW_LENGTH) {
            out.append("<div class=\"comment-body\">").append(c.bodyHtml()).append("</div>\n");
            return;
        }
        out.append("<div class=\"comment-body\"><p dir=\"auto\">").append(text(Text.excerpt(words, PREVIEW_LENGTH)))
                .append("</p></div>\n<p class=\"read-more\"><a href=\"").append(text(c.path()))
                .append("\">Read the whole comment →</a></p>\n");
    }

    /**
     * "Helpful": a button that sends the page's one Helpful form ({@link #HELPFUL_FORM}, with the form token) to
     * this comment's address, so it works without JavaScript; a form of its own beside every comment cost five
     * more elements each, hundreds on a page. The button says how many readers marked the comment. The shared
     * page cannot know whether this reader marked it; the page rendered for them just after they did shows the
     * button pressed (a second press takes the mark back), and the script asks which buttons they pressed before
     * (see HelpfulController).
     */
    private void helpful(Writer out, CommentView c) throws IOException {
        boolean pressed = viewer.justMarked(c);
        out.append("<button type=\"submit\" form=\"").append(HELPFUL_FORM).append("\" formaction=\"").append(text(c.path()))
                .append("/helpful\" name=\"helpful\" value=\"").append(pressed ? "no" : "yes")
                .append("\" class=\"link-button helpful-button\" aria-pressed=\"")
                .append(String.valueOf(pressed)).append("\"><span aria-hidden=\"true\">▲</span> Helpful")
                .append("<span class=\"helpful-count\" data-count=\"").append(String.valueOf(c.helpfulCount())).append("\">")
                .append(c.helpfulCount() > 0 ? " (" + c.helpfulCount() + ")" : "").append("</span></button>\n");
        if (pressed || viewer.justUnmarked(c)) {
            out.append("<p class=\"helpful-note\" role=\"status\">")
                    .append(pressed ? "You marked this comment helpful. Press the button again to take it back."
                            : "You took back your mark.")
                    .append("</p>\n");
        }
    }

    /**
     * A first comment's private link, beside the comment, where the reader lands after posting. It is shown
     * for as long as it waits in the reader's browser, and a new one can be had there later.
     */
    private static void privateLink(Writer out, PrivateLinkNotice notice) throws IOException {
        String url = text(notice.url());
        out.append("<aside class=\"private-link\" aria-labelledby=\"private-link-heading\">\n")
                .append("<p class=\"private-link-heading\" id=\"private-link-heading\"><strong>Your private link</strong></p>\n")
                .append("<p>Thank you for your comment. Keep this link to edit or delete your comments for a while after ")
                .append("posting and to follow replies to them, from any device, without an account. Anyone who has it can ")
                .append("do the same, so keep it to yourself.</p>\n")
                .append("<p><a class=\"private-link-url\" href=\"").append(url).append("\">").append(url).append("</a></p>\n")
                .append("<p class=\"hint\">It is shown here for a few minutes only. Lost it? From this browser you can ")
                .append("<a href=\"").append(PrivateLinkNotice.RENEWAL_PATH).append("\">get a new private link</a>.</p>\n")
                .append("</aside>\n");
    }

    /** The writer's stance, in a word with a symbol beside it (the colour only repeats what they say). */
    private static void stance(Writer out, Stance stance) throws IOException {
        out.append("<span class=\"stance stance-").append(stance.value()).append("\" data-stance=\"").append(stance.value())
                .append("\"><span class=\"stance-symbol\" aria-hidden=\"true\">").append(stance.symbol())
                .append("</span> <span class=\"visually-hidden\">Stance: </span>").append(stance.label()).append("</span>\n");
    }

    /** Escaped for text and for attribute values alike. */
    private static String text(String value) {
        return HtmlEscape.escapeHtml5Xml(value);
    }
}
