package org.roundtable.discussion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roundtable.web.Formats;

/** Turns a discussion's comments, oldest first, into nested threads in one pass. */
public final class Threads {

    private final CommentMarkdown markdown;
    private final Formats formats;

    public Threads(CommentMarkdown markdown, Formats formats) {
        this.markdown = markdown;
        this.formats = formats;
    }

    public List<CommentView> assemble(List<Comment> oldestFirst) {
        Map<Long, List<Comment>> repliesByParent = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment comment : oldestFirst) {
            if (comment.parentId() == null) {
                roots.add(comment);
            } else {
                repliesByParent.computeIfAbsent(comment.parentId(), id -> new ArrayList<>()).add(comment);
            }
        }
        return roots.stream().map(root -> view(root, repliesByParent)).toList();
    }

    private CommentView view(Comment comment, Map<Long, List<Comment>> repliesByParent) {
        List<CommentView> replies = repliesByParent.getOrDefault(comment.id(), List.of()).stream()
                .map(reply -> view(reply, repliesByParent))
                .toList();
        return new CommentView(
                comment.id(),
                comment.authorName(),
                Formats.iso(comment.createdAt()),
                formats.readable(comment.createdAt()),
                markdown.toHtml(comment.body()),
                replies);
    }
}
