package org.roundtable.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.antispam.Ban;
import org.roundtable.antispam.BanRepository;
import org.roundtable.article.ArticleRepository;
import org.roundtable.article.ModerationPolicy;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Discussion;
import org.roundtable.comment.DiscussionRepository;
import org.roundtable.comment.Text;
import org.roundtable.history.CommentHistory;
import org.roundtable.posting.PostingRules;

/**
 * What moderators do, each in one transaction with its audit row. Comments change status and never leave
 * the database, so every decision can be undone and traced.
 */
public final class ModerationActions {

    /** A decision on a comment, and the status it leads to. */
    public enum Decision {
        APPROVE(CommentStatus.PUBLISHED),
        REJECT(CommentStatus.REJECTED),
        SPAM(CommentStatus.SPAM),
        DELETE(CommentStatus.DELETED),
        RESTORE(CommentStatus.PUBLISHED);

        private final CommentStatus result;

        Decision(CommentStatus result) {
            this.result = result;
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** What was done, as the notice after it says it: "Comment 12 approved." */
        public String pastTense() {
            return switch (this) {
                case APPROVE -> "approved";
                case REJECT -> "rejected";
                case SPAM -> "marked as spam";
                case DELETE -> "deleted";
                case RESTORE -> "restored";
            };
        }

        /** Whether it cannot be undone from the queue, so moderators are asked first. */
        public boolean destructive() {
            return this == DELETE;
        }

        public static Optional<Decision> fromValue(String value) {
            return Arrays.stream(values()).filter(d -> d.value().equals(value)).findFirst();
        }
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final CommentHistory history;
    private final Clock clock;

    public ModerationActions(Jdbi jdbi, AuditLog audit, CommentHistory history, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.history = history;
        this.clock = clock;
    }

    /** Applies {@code decision} to a comment; returns why it could not be, or empty when done. */
    public Optional<String> decide(Actor actor, Decision decision, long commentId) {
        return jdbi.inTransaction(handle -> decide(handle, actor, decision, commentId));
    }

    /** Applies {@code decision} to every listed comment at once; returns how many changed. */
    public int decideAll(Actor actor, Decision decision, List<Long> commentIds) {
        return jdbi.inTransaction(handle -> (int) commentIds.stream()
                .filter(id -> decide(handle, actor, decision, id).isEmpty())
                .count());
    }

    private Optional<String> decide(Handle handle, Actor actor, Decision decision, long commentId) {
        var comments = handle.attach(CommentRepository.class);
        Optional<Comment> found = comments.find(commentId);
        if (found.isEmpty()) {
            return Optional.of("That comment does not exist.");
        }
        Comment comment = found.get();
        if (decision.result == CommentStatus.PUBLISHED && comment.isDeleted() && comment.body().isEmpty()) {
            // Approve as well as restore: a bulk approval would otherwise show an empty comment its author took back.
            return Optional.of("Its author deleted this comment and its words are gone, so it cannot be shown again.");
        }
        if (comment.status() == decision.result) {
            // Approving a reported comment that is still shown keeps it, and closes its reports: that is a change.
            if (handle.attach(ReportRepository.class).resolve(commentId, clock.instant()) > 0) {
                audit.record(handle, actor, "comment." + decision.value(), "comment", commentId, "reported", "kept");
                return Optional.empty();
            }
            // Nothing to do, so nothing to audit: the log lists what changed.
            return Optional.of("Comment " + commentId + " is already " + statusWords(comment.status()) + "; nothing changed.");
        }
        if (!comments.changeStatus(comment, decision.result)) {
            return Optional.of("Someone else changed this comment at the same moment; look at it again.");
        }
        handle.attach(ReportRepository.class).resolve(commentId, clock.instant());
        audit.record(handle, actor, "comment." + decision.value(), "comment", commentId,
                comment.status().dbValue(), decision.result.dbValue());
        return Optional.empty();
    }

    private static String statusWords(CommentStatus status) {
        return switch (status) {
            case PUBLISHED -> "published";
            case HELD -> "awaiting a moderator";
            case SPAM -> "marked as spam";
            case REJECTED -> "rejected";
            case DELETED -> "deleted";
        };
    }

    /**
     * Takes a comment's stance away (one that misrepresents the comment, say); the tally moves with it, and the
     * author may set a stance again while they may still edit.
     */
    public Optional<String> clearStance(Actor actor, long commentId) {
        return jdbi.inTransaction(handle -> {
            var comments = handle.attach(CommentRepository.class);
            Optional<Comment> comment = comments.find(commentId);
            if (comment.isEmpty() || comment.get().stance() == null) {
                return Optional.of("That comment has no stance to clear.");
            }
            comments.changeStance(comment.get(), null, clock.instant());
            audit.record(handle, actor, "comment.clear_stance", "comment", commentId, comment.get().stance().value(), null);
            return Optional.empty();
        });
    }

    /**
     * Moves a comment, with every reply below it, to another discussion of the same article (a comment about
     * proposal 2 posted under proposal 4), in one transaction; its permanent link stays the same. Audited.
     */
    public Optional<String> move(Actor actor, long commentId, String discussionKey) {
        return jdbi.inTransaction(handle -> {
            Optional<Comment> comment = handle.attach(CommentRepository.class).find(commentId);
            if (comment.isEmpty()) {
                return Optional.of("That comment does not exist.");
            }
            var discussions = handle.attach(DiscussionRepository.class);
            Discussion from = discussions.findById(comment.get().discussionId()).orElseThrow();
            Optional<Discussion> to = discussions.find(from.articleId(), discussionKey);
            if (to.isEmpty()) {
                return Optional.of("Choose one of the article's discussions.");
            }
            if (to.get().id() == from.id()) {
                return Optional.of("The comment is in that discussion already.");
            }
            handle.attach(CommentRepository.class).move(comment.get(), to.get());
            audit.record(handle, actor, "comment.move", "comment", commentId, from.label(), to.get().label());
            return Optional.empty();
        });
    }

    /**
     * Replaces a comment's words; the page then says it was edited by a moderator, and the earlier versions are
     * hidden from readers at once, in the same transaction (see {@link CommentHistory#hideEarlierVersions}).
     */
    public Optional<String> edit(Actor actor, long commentId, String typedBody) {
        String body = Text.body(typedBody);
        Optional<String> problem = PostingRules.problemWithText(Comment.ANONYMOUS, body);
        if (problem.isPresent()) {
            return problem;
        }
        return jdbi.inTransaction(handle -> {
            var comments = handle.attach(CommentRepository.class);
            Optional<Comment> comment = comments.find(commentId);
            if (comment.isEmpty()) {
                return Optional.of("That comment does not exist.");
            }
            if (comment.get().body().equals(body)) {
                return Optional.of("The words are the same as before; nothing changed.");
            }
            comments.editByModerator(comment.get(), body, clock.instant());
            audit.record(handle, actor, "comment.edit", "comment", commentId, comment.get().body(), body);
            history.hideEarlierVersions(handle, actor, commentId);
            return Optional.empty();
        });
    }

    /** An address ban blocks everyone behind it (a carrier's NAT serves thousands), so it never lasts longer. */
    public static final Duration LONGEST_ADDRESS_BAN = Duration.ofDays(7);

    /**
     * Bans the author of a comment by their cookie identity; with {@code alsoAddress}, also everyone posting from
     * the address the comment came from (its hash), for at most {@link #LONGEST_ADDRESS_BAN}.
     */
    public Optional<String> banAuthorOf(Actor actor, long commentId, String reason, Duration length, boolean alsoAddress) {
        if (reason.isBlank()) {
            return Optional.of("Please give a reason; the banned person will see it.");
        }
        return jdbi.inTransaction(handle -> {
            Optional<Comment> comment = handle.attach(CommentRepository.class).find(commentId);
            String ipHash = alsoAddress ? handle.attach(CommentRepository.class).ipHash(commentId) : null;
            Long authorId = comment.map(Comment::authorId).orElse(null);
            if (authorId == null && ipHash == null) {
                return Optional.of("There is no browser to ban behind that comment (it may have been imported).");
            }
            Instant now = clock.instant();
            var bans = handle.attach(BanRepository.class);
            // A second ban on top of one in force would leave two to lift, and the shorter one meaningless.
            Optional<Ban> inForce = bans.active(authorId, ipHash, null, now);
            if (inForce.isPresent()) {
                return Optional.of((inForce.get().isByAddress() ? "That address" : "This author") + " is already banned."
                        + " To change the ban, lift it on the Bans page first, then ban again.");
            }
            if (authorId != null) {
                Instant expires = length == null ? null : now.plus(length);
                long banId = bans.insert(authorId, null, reason.strip(), commentId, actor.id(), now, expires);
                audit.record(handle, actor, "ban.create", "ban", banId, null, "author of comment " + commentId
                        + ", reason: " + reason.strip() + ", expires: " + (expires == null ? "never" : expires));
            }
            if (ipHash != null) {
                Duration addressLength = length == null || length.compareTo(LONGEST_ADDRESS_BAN) > 0 ? LONGEST_ADDRESS_BAN : length;
                Instant expires = now.plus(addressLength);
                long banId = bans.insert(null, ipHash, reason.strip(), commentId, actor.id(), now, expires);
                audit.record(handle, actor, "ban.create", "ban", banId, null, "address of comment " + commentId
                        + ", reason: " + reason.strip() + ", expires: " + expires);
            }
            return Optional.empty();
        });
    }

    /** Lifts a ban, if it is still in force; returns false when there is no such ban. */
    public boolean liftBan(Actor actor, long banId) {
        return jdbi.inTransaction(handle -> {
            var bans = handle.attach(BanRepository.class);
            if (bans.find(banId).isEmpty()) {
                return false;
            }
            if (bans.lift(banId, actor.id(), clock.instant()) > 0) {
                audit.record(handle, actor, "ban.lift", "ban", banId, "active", "lifted");
            }
            return true;
        });
    }

    public void setPolicy(Actor actor, long articleId, ModerationPolicy policy) {
        jdbi.useTransaction(handle -> {
            var articles = handle.attach(ArticleRepository.class);
            String before = articles.policy(articleId);
            if (policy.dbValue().equals(before)) {
                return; // The audit log lists what changed.
            }
            articles.setPolicy(articleId, policy.dbValue());
            audit.record(handle, actor, "article.policy", "article", articleId, before, policy.dbValue());
        });
    }

    public void setLocked(Actor actor, long discussionId, boolean locked) {
        jdbi.useTransaction(handle -> {
            var discussions = handle.attach(DiscussionRepository.class);
            if (discussions.findById(discussionId).map(discussion -> discussion.locked() == locked).orElse(true)) {
                return; // Already so, or no such discussion: nothing changed, so nothing to audit.
            }
            discussions.setLocked(discussionId, locked);
            audit.record(handle, actor, locked ? "discussion.lock" : "discussion.unlock", "discussion", discussionId,
                    Boolean.toString(!locked), Boolean.toString(locked));
        });
    }
}
