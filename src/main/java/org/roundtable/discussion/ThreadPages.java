package org.roundtable.discussion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Reads a discussion a page of threads at a time, so a page costs the same however long the discussion. */
public final class ThreadPages {

    public static final int THREADS_PER_PAGE = 20;

    /**
     * The comments of one page, oldest first, and where the next page starts (null on the last page).
     * {@code html} holds the HTML of the comments read without their words; the others carry their words.
     */
    public record Page(List<Comment> comments, ThreadCursor next, Map<Long, String> html) {}

    private final CommentMarkdown markdown;

    public ThreadPages(CommentMarkdown markdown) {
        this.markdown = markdown;
    }

    public Page read(CommentRepository repository, long discussionId, Long viewerId, Sort sort, ThreadCursor from) {
        // One thread more than a page, to learn whether another page follows.
        List<Comment> comments = sort == Sort.NEWEST
                ? repository.threadsBefore(discussionId, viewerId, from.time(), from.id(), THREADS_PER_PAGE + 1)
                : repository.threadsAfter(discussionId, viewerId, from.time(), from.id(), THREADS_PER_PAGE + 1);
        List<Comment> roots = comments.stream().filter(Comment::isTopLevel).toList();
        if (roots.size() <= THREADS_PER_PAGE) {
            return withWords(repository, comments, null);
        }
        List<Comment> ordered = new ArrayList<>(roots);
        if (sort == Sort.NEWEST) {
            Collections.reverse(ordered);
        }
        var kept = new HashSet<Long>();
        ordered.subList(0, THREADS_PER_PAGE).forEach(root -> kept.add(root.id()));
        return withWords(repository, comments.stream().filter(c -> kept.contains(c.rootId())).toList(),
                ThreadCursor.of(ordered.get(THREADS_PER_PAGE - 1)));
    }

    /**
     * Takes each comment's HTML from the cache of rendered comments, and reads the words of the others that the
     * page may show.
     */
    private Page withWords(CommentRepository repository, List<Comment> comments, ThreadCursor next) {
        Map<Long, String> html = new HashMap<>();
        List<Long> unrendered = new ArrayList<>();
        for (Comment comment : comments) {
            if (!mayShowWords(comment)) {
                continue;
            }
            markdown.cached(comment).ifPresentOrElse(known -> html.put(comment.id(), known), () -> unrendered.add(comment.id()));
        }
        if (unrendered.isEmpty()) {
            return new Page(comments, next, html);
        }
        Map<Long, String> words = repository.bodies(unrendered);
        return new Page(comments.stream()
                .map(comment -> html.containsKey(comment.id()) ? comment : comment.withBody(words.getOrDefault(comment.id(), "")))
                .toList(), next, html);
    }

    /**
     * Pages write out no deleted or removed comment's words, nor those of replies nested deeper than they show
     * (those are behind "Continue this thread"); such comments never reach the cache, so without this every
     * page would read their words again.
     */
    private static boolean mayShowWords(Comment comment) {
        return comment.depth() < Threads.SHOWN_LEVELS && (comment.isPublished() || comment.isAwaitingModeration());
    }
}
