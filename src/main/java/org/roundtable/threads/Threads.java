package org.roundtable.threads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentPaths;
import org.roundtable.comment.Sort;
import org.roundtable.identicon.Identicons;
import org.roundtable.rendering.CommentMarkdown;
import org.roundtable.rendering.Formats;
import org.roundtable.viewer.CommentView;
import org.roundtable.viewer.Viewer;

/**
 * Turns comments, oldest first, into nested threads in one pass. Threads nest {@value #SHOWN_LEVELS} levels
 * deep on a page; deeper replies continue on the page of the last comment shown, as the big forums do.
 * A comment the reader may not see stays as a placeholder only while it holds replies they may see.
 */
public final class Threads {

    public static final int SHOWN_LEVELS = 6;

    private final CommentMarkdown markdown;
    private final Formats formats;
    private final Identicons faces;

    public Threads(CommentMarkdown markdown, Formats formats, Identicons faces) {
        this.markdown = markdown;
        this.formats = formats;
        this.faces = faces;
    }

    /** {@code html}: comments' HTML known already, by id; the others are rendered from their words. */
    public List<CommentView> discussion(List<Comment> oldestFirst, Map<Long, String> html, Sort sort, String articleSlug,
                                        Viewer viewer) {
        var tree = new Tree(oldestFirst, html, articleSlug, viewer);
        List<CommentView> threads = new ArrayList<>();
        oldestFirst.stream().filter(Comment::isTopLevel).sorted(sort.roots())
                .forEach(root -> tree.view(root, 0).ifPresent(threads::add));
        return threads;
    }

    /** The comment {@code rootId} and its replies, nested afresh from the top of the page. */
    public Optional<CommentView> subtree(List<Comment> threadOldestFirst, long rootId, String articleSlug, Viewer viewer) {
        var tree = new Tree(threadOldestFirst, Map.of(), articleSlug, viewer);
        return threadOldestFirst.stream().filter(c -> c.id() == rootId).findFirst().flatMap(root -> tree.view(root, 0));
    }

    private final class Tree {
        private final Map<Long, List<Comment>> replies = new HashMap<>();
        private final Map<Long, String> knownHtml;
        private final String articleSlug;
        private final Viewer viewer;

        Tree(List<Comment> oldestFirst, Map<Long, String> html, String articleSlug, Viewer viewer) {
            this.knownHtml = html;
            this.articleSlug = articleSlug;
            this.viewer = viewer;
            for (Comment comment : oldestFirst) {
                if (!comment.isTopLevel()) {
                    replies.computeIfAbsent(comment.parentId(), id -> new ArrayList<>()).add(comment);
                }
            }
        }

        Optional<CommentView> view(Comment comment, int level) {
            if (!isShown(comment)) {
                return Optional.empty();
            }
            boolean visible = viewer.canSee(comment);
            List<Comment> children = replies.getOrDefault(comment.id(), List.of());
            boolean nestHere = level + 1 < SHOWN_LEVELS;
            List<CommentView> shownReplies = nestHere
                    ? children.stream().flatMap(child -> view(child, level + 1).stream()).toList()
                    : List.of();
            boolean more = !nestHere && children.stream().anyMatch(this::isShown);
            return Optional.of(new CommentView(
                    comment.id(),
                    CommentPaths.comment(articleSlug, comment.id()),
                    comment.authorName(),
                    visible ? faces.svg(articleSlug, comment.authorId(), comment.authorName()) : null,
                    visible && comment.byArticleAuthor(),
                    visible ? comment.stance() : null,
                    comment.movedFromPosition() == null ? null
                            : comment.movedFromPosition() == 0 ? "the general discussion" : "Proposal " + comment.movedFromPosition(),
                    Formats.iso(comment.createdAt()),
                    formats.readable(comment.createdAt()),
                    visible ? html(comment) : "",
                    visible && comment.editedAt() != null,
                    visible && comment.editedByModerator(),
                    visible ? null : comment.isDeleted() ? "[deleted]" : "[removed]",
                    visible && comment.isAwaitingModeration(),
                    viewer.canChange(comment),
                    visible ? comment.helpfulCount() : 0,
                    shownReplies,
                    more));
        }

        private String html(Comment comment) {
            String known = knownHtml.get(comment.id());
            return known != null ? known : markdown.toHtml(comment);
        }

        private boolean isShown(Comment comment) {
            return viewer.canSee(comment)
                    || replies.getOrDefault(comment.id(), List.of()).stream().anyMatch(this::isShown);
        }
    }
}
