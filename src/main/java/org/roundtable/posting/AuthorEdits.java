package org.roundtable.posting;

import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.Hold;
import org.roundtable.comment.Stance;
import org.roundtable.comment.Text;
import org.roundtable.comment.Visibility;
import org.roundtable.db.GroupCommitWriter;
import org.roundtable.security.AddressHash;
import org.roundtable.security.IpHashes;
import org.roundtable.threads.CommentLookup;
import org.roundtable.viewer.Viewer;
import org.roundtable.web.ReaderFacingError;

/**
 * An author's own changes to their comment, from the browser that posted it (or one signed in by the private link),
 * within the edit window: an edit meets the rules a post does ({@link PostingRules}), and its words wait for a
 * moderator where a post's would; an edit and a deletion both go through the writer and the audit log.
 */
public final class AuthorEdits {

    private final PostingRules rules;
    private final CommentLookup lookup;
    private final IpHashes ipHashes;
    private final GroupCommitWriter writer;
    private final AuditLog audit;
    private final Clock clock;

    public AuthorEdits(PostingRules rules, CommentLookup lookup, IpHashes ipHashes, GroupCommitWriter writer, AuditLog audit,
                       Clock clock) {
        this.rules = rules;
        this.lookup = lookup;
        this.ipHashes = ipHashes;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code comment}, if {@code viewer} wrote it and may still change it; otherwise a page saying why not. */
    /**
     * Whether {@code viewer} wrote {@code comment} and could have changed it, but its edit window has closed: an edit
     * sent a moment too late, whose words must come back to them rather than be lost behind a bare refusal.
     */
    static boolean windowClosedFor(Viewer viewer, Comment comment) {
        return !viewer.banned() && viewer.canSee(comment) && Visibility.isItsAuthor(comment, viewer.authorId())
                && !viewer.canChange(comment);
    }

    static Comment changeableBy(Viewer viewer, Comment comment) {
        if (!viewer.canSee(comment)) {
            // Hidden from this reader: answered as a comment that never existed, so nobody learns what was hidden.
            throw new NotFoundResponse();
        }
        if (viewer.banned() && Visibility.isItsAuthor(comment, viewer.authorId())) {
            throw new ReaderFacingError(HttpStatus.FORBIDDEN, "A moderator has banned you from posting here, so your "
                    + "comments can no longer be edited or deleted.");
        }
        if (!viewer.canChange(comment)) {
            throw new ReaderFacingError(HttpStatus.FORBIDDEN, "You can change a comment only from the browser that "
                    + "posted it (or through your private link), and only for " + viewer.editWindow().minutes()
                    + " minutes after posting.");
        }
        return comment;
    }

    /**
     * Changes {@code comment} to the name, words and stance ({@code ""} for none) typed, sent from
     * {@code clientAddress}; or says why not: a stance there is no such thing as, the rules an edit meets, or a
     * database that cannot write just now.
     */
    public Optional<Outcome.Refused> edit(Comment comment, String typedName, String typedBody, String typedStance,
                                          String clientAddress) {
        String name = Text.name(typedName);
        String body = Text.body(typedBody);
        Optional<Stance> stance = Stance.fromValue(typedStance);
        if (stance.isEmpty() && !typedStance.isBlank()) {
            return Optional.of(new Outcome.Refused(422, PostingRules.UNKNOWN_STANCE));
        }
        AddressHash address = ipHashes.withFormer(clientAddress);
        Optional<Outcome.Refused> refused = rules.edit(comment, name, body, address);
        if (refused.isPresent()) {
            return refused;
        }
        try {
            Stance kept = lookup.takesStance(comment) ? stance.orElse(null) : null;
            store(comment, name, body, kept, rules.screenEdit(name, body, address));
        } catch (JdbiException e) {
            return Optional.of(Outcome.Refused.unsaved(e));
        }
        return Optional.empty();
    }

    /**
     * Stores an edit through the writer, audited; words a post would wait with make the comment wait too. A changed
     * stance becomes the author's latest, and the tally moves with it.
     */
    private void store(Comment comment, String name, String body, Stance stance, Optional<Hold> screened) {
        writer.write(session -> {
            var comments = session.attach(CommentRepository.class);
            comments.edit(comment, name, body, stance, clock.instant());
            Comment stanced = comment.withStance(stance);
            screened.filter(hold -> Visibility.shownToReaders(comment.status())).ifPresent(hold -> comments.hold(stanced, hold));
            audit.record(session.handle(), Actor.AUTHOR, "comment.author_edit", "comment", comment.id(),
                    described(comment.authorName(), comment.body(), comment.stance()), described(name, body, stance));
            return null;
        });
    }

    /** A comment as the audit log keeps it: who, what, and the stance if there is one. */
    private static String described(String name, String body, Stance stance) {
        return name + ": " + body + (stance == null ? "" : " [" + stance.value() + "]");
    }

    /**
     * Deletes {@code comment}: the author's words leave the page, but the audit log keeps them, so nothing disappears
     * without a trace.
     */
    public void delete(Comment comment) {
        writer.write(session -> {
            session.attach(CommentRepository.class).deleteByAuthor(comment, clock.instant());
            audit.record(session.handle(), Actor.AUTHOR, "comment.author_delete", "comment", comment.id(),
                    comment.authorName() + ": " + comment.body(), null);
            return null;
        });
    }
}
