package org.roundtable.posting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.roundtable.antispam.FloodControl;
import org.roundtable.antispam.PostQuotas;
import org.roundtable.article.Article;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Hold;
import org.roundtable.comment.Ids;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Text;
import org.roundtable.comment.Visibility;
import org.roundtable.threads.CommentForm;

/** Checks a new comment against the rules readers are told about, and stores it. */
public final class CommentPosting {

    /** The result of a post: the stored comment, or the reason it was refused. */
    public sealed interface Outcome {
        /** Passed every check; to be stored as planned. */
        record Planned(long discussionId, Comment parent, String name, String body, CommentStatus status, String heldReason,
                       String ipHash, Instant at, Stance stance) implements Outcome {}
        record Posted(Comment comment) implements Outcome {}
        /** {@code retryAfter}: for a 429, when the limit makes room again ({@code Retry-After}), else null. */
        record Refused(int status, String reason, Duration retryAfter) implements Outcome {
            public Refused(int status, String reason) {
                this(status, reason, null);
            }

            public static Refused flooded(FloodControl.Flooded flooded) {
                return new Refused(429, flooded.getMessage(), flooded.retryAfter());
            }
        }
    }

    static final String LOCKED = "This discussion is closed to new comments. You can still read it.";
    static final String UNKNOWN_STANCE = "Choose for, against or undecided as your stance, or none.";

    private final Clock clock;
    private final Duration duplicateWindow;
    private final FloodControl flood;

    public CommentPosting(Clock clock, Duration duplicateWindow, FloodControl flood) {
        this.clock = clock;
        this.duplicateWindow = duplicateWindow;
        this.flood = flood;
    }

    /** Refuses what no one should be able to post; returns the reason, or empty when the text is fine. */
    public static Optional<String> problemWithText(String name, String body) {
        if (Text.length(name) > CommentForm.MAX_NAME_LENGTH) {
            return Optional.of("Your name is " + Text.length(name) + " characters long; please keep it to "
                    + CommentForm.MAX_NAME_LENGTH + ".");
        }
        if (body.isEmpty()) {
            return Optional.of("Please write a comment before sending it.");
        }
        if (Text.length(body) > CommentForm.MAX_BODY_LENGTH) {
            return Optional.of("Your comment is " + String.format("%,d", Text.length(body))
                    + " characters long; the limit is 10,000. Please shorten it.");
        }
        return Optional.empty();
    }

    /** Why this browser or address must wait before posting again (429), or empty when it may post now. */
    public Optional<Outcome.Refused> flood(Handle handle, Long authorId, String ipHash) {
        return flood.refusal(handle.attach(PostQuotas.class), authorId, ipHash).map(Outcome.Refused::flooded);
    }

    /**
     * Checks a post against everything stored (discussion, lock, parent, duplicates) and decides its status
     * from the article's policy. Reads only, so it runs outside the single writer.
     */
    public Outcome plan(Handle handle, Article article, CommentForm form, Long authorId, String ipHash,
                        Optional<Hold> screened) {
        String name = Text.name(form.name());
        String body = Text.body(form.body());
        Optional<String> problem = problemWithText(name, body);
        if (problem.isPresent()) {
            return new Outcome.Refused(422, problem.get());
        }
        var comments = handle.attach(CommentRepository.class);
        Optional<Discussion> discussion = handle.attach(DiscussionRepository.class).find(article.id(), form.discussionKey());
        if (discussion.isEmpty()) {
            return new Outcome.Refused(422, "That discussion does not exist. Please reply from the article page.");
        }
        if (discussion.get().locked()) {
            return new Outcome.Refused(403, LOCKED);
        }
        Optional<Stance> stance = Stance.fromValue(form.stance());
        if (stance.isEmpty() && !form.stance().isBlank()) {
            return new Outcome.Refused(422, UNKNOWN_STANCE);
        }
        Optional<Comment> parent = Ids.parse(form.parentId()).flatMap(comments::find);
        Optional<String> parentProblem = form.isReply() ? problemWithParent(parent, discussion.get()) : Optional.empty();
        if (parentProblem.isPresent()) {
            return new Outcome.Refused(422, parentProblem.get());
        }
        Instant now = clock.instant();
        if (!duplicateWindow.isZero()
                && comments.duplicateExists(discussion.get().id(), authorId, ipHash, body, now.minus(duplicateWindow))) {
            return new Outcome.Refused(422, "You already said that in this discussion a moment ago.");
        }
        boolean known = authorId != null && comments.hasPublished(authorId);
        Optional<Hold> hold = screened.or(() -> article.moderationPolicy().holds(known)
                ? Optional.of(new Hold(CommentStatus.HELD, article.moderationPolicy().holdReason()))
                : Optional.empty());
        // Only a new thread on a proposal takes a stance; a form that sends one anywhere else is not refused for it.
        boolean takesStance = !form.isReply() && !discussion.get().isGeneral();
        return new Outcome.Planned(discussion.get().id(), parent.orElse(null), name, body,
                hold.map(Hold::status).orElse(CommentStatus.PUBLISHED), hold.map(Hold::reason).orElse(null), ipHash, now,
                takesStance ? stance.orElse(null) : null);
    }

    /**
     * Stores a planned comment by {@code authorId}, counting it against the flood limits first; run by the
     * writer, so it only writes. Throws {@link FloodControl.Flooded} when a post sent at the same moment took
     * the last place, which undoes the writer's unit of work.
     */
    public Comment store(CommentRepository comments, PostQuotas quotas, Outcome.Planned plan, long authorId) {
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
    public boolean isFirstComment(CommentRepository comments, Comment comment) {
        return !comments.hasOtherComments(comment.authorId(), comment.id());
    }

    private static Optional<String> problemWithParent(Optional<Comment> parent, Discussion discussion) {
        if (parent.isEmpty() || !Visibility.keepsItsPlace(parent.get().status())) {
            return Optional.of("The comment you are replying to does not exist (any more).");
        }
        if (parent.get().discussionId() != discussion.id()) {
            return Optional.of("The comment you are replying to belongs to another discussion.");
        }
        if (parent.get().isDeleted()) {
            return Optional.of("The comment you are replying to has been deleted.");
        }
        return Optional.empty();
    }
}
