package org.roundtable.threads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.roundtable.comment.Comment;
import org.roundtable.comment.Sort;
import org.roundtable.comment.Stance;
import org.roundtable.comment.ThreadCursor;
import org.roundtable.comment.Visibility;
import org.roundtable.rendering.CommentMarkdown;

/** Reads a discussion a page of threads at a time, so a page costs the same however long the discussion. */
public final class ThreadPages {

    public static final int THREADS_PER_PAGE = 20;
    /** How many threads of a proposal's discussion the article shows, replies folded, before linking to the rest. */
    public static final int PREVIEW_THREADS = 3;

    /**
     * The comments of one page, oldest first, and where the next page starts (null on the last page).
     * {@code html} holds the HTML of the comments read without their words; the others carry their words.
     */
    public record Page(List<Comment> comments, ThreadCursor next, Map<Long, String> html) {}

    private final CommentMarkdown markdown;

    public ThreadPages(CommentMarkdown markdown) {
        this.markdown = markdown;
    }

    /** A page of {@link #THREADS_PER_PAGE} threads, only those of {@code stance} unless it is null. */
    public Page read(ThreadRepository repository, long discussionId, Long viewerId, Sort sort, ThreadCursor from,
                     Stance stance) {
        return read(repository, discussionId, viewerId, sort, from, stance, THREADS_PER_PAGE);
    }

    /** The first {@code threads} threads after {@code from}, and where the next ones start. */
    public Page read(ThreadRepository repository, long discussionId, Long viewerId, Sort sort, ThreadCursor from,
                     Stance stance, int threads) {
        String filter = ThreadRepository.stanceFilter(stance);
        // One thread more than a page, to learn whether another page follows.
        List<Comment> comments = repository.threads(sort.forward(), filter, discussionId, viewerId, from, threads + 1);
        List<Comment> roots = comments.stream().filter(Comment::isTopLevel).toList();
        if (roots.size() <= threads) {
            return withWords(repository, comments, null);
        }
        List<Comment> ordered = new ArrayList<>(roots);
        ordered.sort(sort.roots());
        var kept = new HashSet<Long>();
        ordered.subList(0, threads).forEach(root -> kept.add(root.id()));
        return withWords(repository, comments.stream().filter(c -> kept.contains(c.rootId())).toList(),
                ThreadCursor.of(ordered.get(threads - 1)));
    }

    /**
     * Takes each comment's HTML from the cache of rendered comments, and reads the words of the others that the
     * page may show.
     */
    private Page withWords(ThreadRepository repository, List<Comment> comments, ThreadCursor next) {
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
     * page would read their words again. It does not ask who reads: the words of a reply awaiting a moderator are
     * read for every reader, though only its author's page shows them.
     */
    private static boolean mayShowWords(Comment comment) {
        return comment.depth() < Threads.SHOWN_LEVELS && Visibility.shownToSomeone(comment);
    }
}
