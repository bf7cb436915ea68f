package org.roundtable.discussion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/** Reads a discussion a page of threads at a time, so a page costs the same however long the discussion. */
public final class ThreadPages {

    public static final int THREADS_PER_PAGE = 20;

    /** The comments of one page, oldest first, and where the next page starts (null on the last page). */
    public record Page(List<Comment> comments, ThreadCursor next) {}

    public Page read(CommentRepository repository, long discussionId, Long viewerId, Sort sort, ThreadCursor from) {
        // One thread more than a page, to learn whether another page follows.
        List<Comment> comments = sort == Sort.NEWEST
                ? repository.threadsBefore(discussionId, viewerId, from.time(), from.id(), THREADS_PER_PAGE + 1)
                : repository.threadsAfter(discussionId, viewerId, from.time(), from.id(), THREADS_PER_PAGE + 1);
        List<Comment> roots = comments.stream().filter(Comment::isTopLevel).toList();
        if (roots.size() <= THREADS_PER_PAGE) {
            return new Page(comments, null);
        }
        List<Comment> ordered = new ArrayList<>(roots);
        if (sort == Sort.NEWEST) {
            Collections.reverse(ordered);
        }
        var kept = new HashSet<Long>();
        ordered.subList(0, THREADS_PER_PAGE).forEach(root -> kept.add(root.id()));
        return new Page(comments.stream().filter(c -> kept.contains(c.rootId())).toList(),
                ThreadCursor.of(ordered.get(THREADS_PER_PAGE - 1)));
    }
}
