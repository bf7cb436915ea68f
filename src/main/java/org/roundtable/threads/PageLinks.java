package org.roundtable.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.Sort;
import org.roundtable.comment.Stance;
import org.roundtable.comment.ThreadCursor;
import org.roundtable.comment.Visibility;

/**
 * Finds where the pages around a discussion page start. Pages are keyset pages (a page starts just past the
 * thread a cursor names), so page 5,000 costs what page 1 does; the links around it read a few dozen thread
 * starts in either direction, and the last page is found from the discussion's end. Page numbers count from the
 * first page in pages of {@link ThreadPages#THREADS_PER_PAGE}; near the first page they are recounted, further
 * on the number the reader arrived with stands.
 */
public final class PageLinks {

    /** How many pages either side of the current one are linked by number. */
    static final int NEARBY = 2;
    private static final int PER_PAGE = ThreadPages.THREADS_PER_PAGE;

    private final ThreadRepository comments;
    private final Discussion discussion;
    private final Long viewerId;
    private final Sort sort;
    /** Only the threads of this stance are paged, unless it is null. */
    private final Stance stance;
    private final String stanceFilter;
    private Integer threadCount;

    public PageLinks(ThreadRepository comments, Discussion discussion, Long viewerId, Sort sort, Stance stance) {
        this.comments = comments;
        this.discussion = discussion;
        this.viewerId = viewerId;
        this.sort = sort;
        this.stance = stance;
        this.stanceFilter = ThreadRepository.stanceFilter(stance);
    }

    /** How many threads are paged: the discussion keeps the count of all; one stance's are counted when asked. */
    private int threadCount() {
        if (threadCount == null) {
            threadCount = stance == null ? discussion.threadCount() : comments.countThreads(stanceFilter, discussion.id(), viewerId);
        }
        return threadCount;
    }

    /** A page's number and the cursor it starts after (null for the first page). */
    public record PageStart(int number, ThreadCursor after) {}

    /**
     * The links around the page that starts after {@code from} (the start, or a cursor) and ends before
     * {@code next} (null on the last page); {@code number} is the page number the reader followed, or
     * {@link DiscussionRequest#UNKNOWN}, and then it is counted.
     */
    public Pagination around(ThreadCursor from, int number, ThreadCursor next, String basePath) {
        Map<Integer, ThreadCursor> starts = new TreeMap<>();
        int current = from.equals(ThreadCursor.start(sort)) ? 1 : earlierPages(from, numberOf(from, number), starts);
        starts.put(current, current == 1 ? null : from);
        int total = next == null ? current : laterPages(current, next, starts);
        if (!starts.containsKey(total)) {
            starts.put(total, lastPageStart(total));
        }
        starts.put(1, null);
        return links(current, total, starts, basePath);
    }

    /**
     * Notes where the pages before the current one start; returns the current page's number, recounted when the
     * first page is among them.
     */
    private int earlierPages(ThreadCursor from, int number, Map<Integer, ThreadCursor> starts) {
        // The cursor's own thread ends the previous page, so the threads before it complete that page.
        List<ThreadCursor> before = backward(from, NEARBY * PER_PAGE, 0);
        int current = before.size() < NEARBY * PER_PAGE ? before.size() / PER_PAGE + 2 : number;
        for (int back = 1; back <= NEARBY && current - back >= 1; back++) {
            int last = back * PER_PAGE - 1;
            starts.put(current - back, before.size() > last ? before.get(last) : null);
        }
        return current;
    }

    /** Notes where the pages after the current one start; returns the number of the last page. */
    private int laterPages(int current, ThreadCursor next, Map<Integer, ThreadCursor> starts) {
        starts.put(current + 1, next);
        List<ThreadCursor> after = forward(next, (NEARBY - 1) * PER_PAGE + 1, 0);
        for (int ahead = 2; ahead <= NEARBY; ahead++) {
            int last = (ahead - 1) * PER_PAGE - 1;
            if (after.size() > last + 1) {
                starts.put(current + ahead, after.get(last));
            }
        }
        if (after.size() <= (NEARBY - 1) * PER_PAGE) {
            return current + 1 + Math.max(0, after.size() - 1) / PER_PAGE;
        }
        return Math.max(pagesFor(threadCount()), current + NEARBY);
    }

    /** The last page holds what is left over after the full pages before it; it starts after the thread before that. */
    private ThreadCursor lastPageStart(int total) {
        int onLastPage = Math.max(1, threadCount() - (total - 1) * PER_PAGE);
        List<ThreadCursor> fromEnd = backward(sort.backward().start(), 1, onLastPage);
        return fromEnd.isEmpty() ? null : fromEnd.get(0);
    }

    /**
     * The number of the page that starts after {@code from}: as its link said, or else counted (the threads up to
     * and including the cursor's fill the pages before it).
     */
    private int numberOf(ThreadCursor from, int claimed) {
        return claimed != DiscussionRequest.UNKNOWN ? Math.max(claimed, 2) : (threadsBefore(from) + PER_PAGE) / PER_PAGE + 1;
    }

    private int threadsBefore(ThreadCursor at) {
        return countBackward(at, Integer.MAX_VALUE);
    }

    /**
     * The page a thread is on, read in this order from the first page: for landing a reader on their comment.
     * A new thread, the common case, sits near one end of the discussion: counting the few threads between it
     * and that end finds its page, wherever the discussion's other threads are (the end is numbered from the
     * discussion's count). Only a thread far from both ends costs a count of the threads before it. The page
     * starts at most a page before the thread, so it holds the thread even while others are being posted.
     */
    public PageStart pageOf(Comment root) {
        ThreadCursor at = ThreadCursor.of(root);
        int near = NEARBY * PER_PAGE;
        int after = countForward(at, near);
        int threads = threadCount() + (Visibility.keepsItsPlace(root.status()) ? 0 : 1);
        int before = after < near && threads - 1 - after >= near ? threads - 1 - after : countBackward(at, near);
        if (before >= near && after >= near) {
            before = threadsBefore(at);
        }
        int number = before / PER_PAGE + 1;
        if (number == 1) {
            return new PageStart(1, null);
        }
        // The previous page's last thread, counted back from this one.
        int lastOfPrevious = (number - 1) * PER_PAGE - 1;
        List<ThreadCursor> start = backward(at, 1, before - lastOfPrevious - 1);
        return start.isEmpty() ? new PageStart(1, null) : new PageStart(number, start.get(0));
    }

    /** How many threads come before this one in reading order, counting no further than {@code limit}. */
    private int countBackward(ThreadCursor at, int limit) {
        return comments.countRoots(sort.backward(), stanceFilter, discussion.id(), viewerId, at, limit);
    }

    /** How many come after it in reading order, counting no further than {@code limit}. */
    private int countForward(ThreadCursor at, int limit) {
        return comments.countRoots(sort.forward(), stanceFilter, discussion.id(), viewerId, at, limit);
    }

    private Pagination links(int current, int total, Map<Integer, ThreadCursor> starts, String basePath) {
        var pages = new ArrayList<Pagination.PageLink>();
        int previousNumber = 0;
        for (var entry : starts.entrySet()) {
            if (entry.getKey() > previousNumber + 1) {
                pages.add(null);
            }
            pages.add(link(entry.getKey(), entry.getValue(), current, basePath));
            previousNumber = entry.getKey();
        }
        return new Pagination(current, total,
                current > 1 ? link(current - 1, starts.get(current - 1), current, basePath) : null,
                current < total && starts.containsKey(current + 1) ? link(current + 1, starts.get(current + 1), current, basePath) : null,
                pages);
    }

    private Pagination.PageLink link(int number, ThreadCursor after, int current, String basePath) {
        return new Pagination.PageLink(number, DiscussionView.atThreads(CommentPaths.discussionPage(basePath, sort, stance, number, after)),
                number == current);
    }

    static int pagesFor(int threads) {
        return Math.max(1, (threads + PER_PAGE - 1) / PER_PAGE);
    }

    /** Thread starts in reading order from {@code from}, not counting the thread it names. */
    private List<ThreadCursor> forward(ThreadCursor from, int limit, int offset) {
        return comments.roots(sort.forward(), stanceFilter, discussion.id(), viewerId, from, limit, offset);
    }

    /** The same, in reverse. */
    private List<ThreadCursor> backward(ThreadCursor from, int limit, int offset) {
        return comments.roots(sort.backward(), stanceFilter, discussion.id(), viewerId, from, limit, offset);
    }
}
