package org.roundtable.threads;

import java.util.ArrayList;
import java.util.List;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.Sort;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Tally;
import org.roundtable.comment.ThreadCursor;
import org.roundtable.viewer.CommentView;

/**
 * A discussion ready to show: its threads, its "Leave a reply" form (blank, or as the reader typed it when a
 * post was refused), the words its heading and anchors use, and on its own pages where this page sits among
 * them ({@code pagination}; null under the article, which shows the start of each discussion), and the stance whose
 * threads alone are shown ({@code stance}; null for all).
 */
public record DiscussionView(Discussion discussion, List<CommentView> threads, ThreadHtml threadsHtml, CommentForm form,
                             Sort sort, Stance stance, ThreadCursor next, Pagination pagination) {

    /**
     * Where a discussion page's list of threads starts. Its page, order and stance links land there, past the
     * search, the heading, the tally and the whole proposal the reader has just read, and the keyboard goes on from
     * there too.
     */
    public static final String THREADS_ANCHOR = "threads";

    /** Whether the discussion goes on beyond the threads shown. */
    public boolean hasMore() {
        return next != null;
    }

    /** The discussion's own page. */
    public String allPath(String articleSlug) {
        return CommentPaths.discussion(articleSlug, key());
    }

    /** Where the proposal stands, by its readers' stances. */
    public Tally tally() {
        return discussion.tally();
    }

    public String key() {
        return discussion.key();
    }

    public int count() {
        return discussion.commentCount();
    }

    /** Where this discussion starts on the article page; the general one keeps WordPress's {@code #comments}. */
    public String anchor() {
        return anchor(discussion);
    }

    public static String anchor(Discussion discussion) {
        return discussion.isGeneral() ? "comments" : discussion.key() + "-discussion";
    }

    public boolean locked() {
        return discussion.locked();
    }

    /** A locked discussion has no form, except to hand back a refused post so the words are not lost. */
    public boolean showForm() {
        return !locked() || form.error() != null;
    }

    /** The form empty, for a second place on the page when the first holds what the reader typed. */
    public CommentForm blankForm() {
        return formTyped() ? CommentForm.blank(key(), null).fromDiscussionPage(sort) : form;
    }

    /** Whether the form holds a refused or previewed post: then it is shown open, with the words as typed. */
    public boolean formTyped() {
        return form.error() != null || form.previewHtml() != null;
    }

    /** The ways to read a proposal's threads: all of them, or one stance's; the current one marked. */
    public List<StanceChoice> stanceChoices(String articleSlug) {
        String path = allPath(articleSlug);
        var choices = new ArrayList<StanceChoice>();
        choices.add(new StanceChoice("All threads", atThreads(CommentPaths.discussionPage(path, sort, null, 1, null)), stance == null));
        for (Stance choice : Stance.values()) {
            choices.add(new StanceChoice(choice.label(), atThreads(CommentPaths.discussionPage(path, sort, choice, 1, null)),
                    choice == stance));
        }
        return choices;
    }

    /** One way to filter the threads: its words, its address, and whether it is the one shown. */
    public record StanceChoice(String label, String href, boolean current) {}

    /** The first page read oldest first, keeping the stance shown. */
    public String oldestFirstPath() {
        return sortPath(Sort.OLDEST);
    }

    /** The first page read newest first, keeping the stance shown. */
    public String newestFirstPath() {
        return sortPath(Sort.NEWEST);
    }

    /** The first page with the threads readers found most helpful first, keeping the stance shown. */
    public String topFirstPath() {
        return sortPath(Sort.TOP);
    }

    private String sortPath(Sort order) {
        return atThreads(CommentPaths.discussionPage("", order, stance, 1, null));
    }

    /** A discussion page's address, scrolled to its list of threads. */
    static String atThreads(String discussionPage) {
        return discussionPage + "#" + THREADS_ANCHOR;
    }

    /** For the template: the id of the list the links land on. */
    public String threadsAnchor() {
        return THREADS_ANCHOR;
    }

    public boolean newestFirst() {
        return sort == Sort.NEWEST;
    }

    public boolean topFirst() {
        return sort == Sort.TOP;
    }

    public String formId() {
        return "reply-" + discussion.key();
    }

    /** The count, and whether the discussion is closed: "12 comments", "12 comments, closed to new comments". */
    public String note() {
        return closedOrNot(countLabel());
    }

    /** The same for a page that shows {@code shown} of the comments, those of one stance's threads: "3 of 12 comments". */
    public String note(int shown) {
        return count() == 0 ? note() : closedOrNot(shown + " of " + countLabel());
    }

    private String closedOrNot(String count) {
        return locked() ? count + ", closed to new comments" : count;
    }

    /**
     * "No comments yet", "1 comment", "12 comments": the number and its noun joined by a no-break space, so that a
     * heading or a line of the contents may wrap after the count but never inside it.
     */
    public String countLabel() {
        return switch (count()) {
            case 0 -> "No comments yet";
            case 1 -> "1\u00A0comment";
            default -> count() + "\u00A0comments";
        };
    }

    /** The general discussion's heading, as the original comment section worded it: "One thought on “…”". */
    public String thoughtsHeading(String articleTitle) {
        String quoted = "\u201C" + articleTitle + "\u201D";
        return switch (count()) {
            case 0 -> "No thoughts yet on " + quoted;
            case 1 -> "One thought on " + quoted;
            default -> count() + " thoughts on " + quoted;
        };
    }
}
