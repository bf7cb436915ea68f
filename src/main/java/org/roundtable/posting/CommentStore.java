package org.roundtable.posting;

import io.javalin.http.Context;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.author.Author;
import org.roundtable.author.AuthorCookies;
import org.roundtable.author.AuthorRepository;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.db.GroupCommitWriter;
import org.roundtable.operations.Metrics;

/**
 * Stores a post the {@link PostingRules} planned, through the group-commit writer: with a new author identity for a
 * browser that never posted and a first-timer's private link, in the same unit; once it returns, all of it is on
 * disk, and the browser is told who it is.
 */
public final class CommentStore {

    /** What storing a post did: who the author turned out to be, and their private link if it is their first. */
    private record Stored(Author author, Comment comment, String privateLink) {}

    private final GroupCommitWriter writer;
    private final AuthorCookies authors;
    private final FloodControl flood;
    private final Metrics metrics;

    public CommentStore(GroupCommitWriter writer, AuthorCookies authors, FloodControl flood, Metrics metrics) {
        this.writer = writer;
        this.authors = authors;
        this.flood = flood;
        this.metrics = metrics;
    }

    /**
     * Stores {@code plan} as the comment of {@code known}, or of a new author; {@link Outcome.Posted} once it is on
     * disk. A post sent at the same moment that took the last place under the flood limits makes it a 429; a database
     * that cannot write just now, {@link Outcome.Refused#unsaved}.
     */
    public Outcome save(Context ctx, Outcome.Planned plan, Optional<Author> known) {
        try {
            Stored stored = writer.write(session -> {
                var authorRepository = session.attach(AuthorRepository.class);
                var comments = session.attach(CommentRepository.class);
                Author author = known.orElseGet(() -> authors.create(authorRepository));
                Comment comment = store(comments, session.attach(PostQuotas.class), plan, author.id());
                boolean first = known.isEmpty() || isFirstComment(comments, comment);
                return new Stored(author, comment, first ? authors.newPrivateLink(authorRepository, author) : null);
            });
            if (known.isEmpty()) {
                authors.remember(ctx, stored.author());
            }
            metrics.commentPosted(stored.comment().status());
            if (stored.privateLink() != null) {
                authors.showPrivateLink(ctx, stored.comment().id(), stored.privateLink());
            }
            return new Outcome.Posted(stored.comment());
        } catch (FloodControl.Flooded e) {
            return Outcome.Refused.flooded(e);
        } catch (JdbiException e) {
            return Outcome.Refused.unsaved(e);
        }
    }

    /**
     * Stores a planned comment by {@code authorId}, counting it against the flood limits first; run by the
     * writer, so it only writes. Throws {@link FloodControl.Flooded} when a post sent at the same moment took
     * the last place, which undoes the writer's unit of work.
     */
    private Comment store(CommentRepository comments, PostQuotas quotas, Outcome.Planned plan, long authorId) {
        flood.take(quotas, authorId, plan.ipHash());
        long id = comments.add(plan.discussionId(), plan.parent(),
                new CommentRepository.NewComment(authorId, plan.name(), plan.body(), plan.status(), plan.heldReason(),
                        plan.ipHash(), plan.at(), plan.stance()));
        Comment parent = plan.parent();
        return new Comment(id, plan.discussionId(), parent == null ? null : parent.id(), parent == null ? id : parent.rootId(),
                parent == null ? 0 : parent.depth() + 1, authorId, plan.name(), plan.body(), plan.status(), plan.at(), null, false, false,
                plan.stance(), null, 0);
    }

    /** Whether {@code comment} is the first its author ever posted: at most two index entries are read. */
    private static boolean isFirstComment(CommentRepository comments, Comment comment) {
        return !comments.hasOtherComments(comment.authorId(), comment.id());
    }
}
