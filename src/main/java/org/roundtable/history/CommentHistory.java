package org.roundtable.history;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.audit.Actor;
import org.roundtable.audit.AuditLog;
import org.roundtable.comment.Stance;
import org.roundtable.rendering.Formats;
import org.unbescape.html.HtmlEscape;

/**
 * The versions of an edited comment as pages show them, newest first, each with what changed since the version
 * before it marked (see {@link WordChanges}): words taken out struck through, words put in underlined, and the stance
 * beside the one it replaced. A version a moderator hid is left out of readers' comparisons too: the next version is
 * compared with the last one readers may see, so what the hidden one said never shows as "taken out". The newest
 * version is the comment's own text, so it is never hidden here: hiding it would leave the words on the comment
 * while this page claimed they were withdrawn.
 */
public final class CommentHistory {

    /**
     * One version as shown: {@code number} counts from the original (1); {@code current} when it is the newest, the
     * comment's own text; {@code changesHtml} is null when hidden; {@code stance} is its stance, or how it changed
     * ("Against → For"), or null when there is none to tell of.
     */
    public record Version(long id, int number, String authorName, boolean byModerator, String isoTime, String readableTime,
                          boolean current, boolean hidden, String changesHtml, String stance) {}

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Formats formats;
    private final Clock clock;

    public CommentHistory(Jdbi jdbi, AuditLog audit, Formats formats, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.formats = formats;
        this.clock = clock;
    }

    /** The versions readers see: a hidden one says so, and shows nothing of what it said. */
    public List<Version> forReaders(long commentId) {
        return versions(commentId, false);
    }

    /** The versions moderators see: every text, hidden ones marked. */
    public List<Version> forModerators(long commentId) {
        return versions(commentId, true);
    }

    /** Hides a version's text from readers, audited; empty when done, or why not. */
    public Optional<String> hide(Actor moderator, long revisionId) {
        return jdbi.inTransaction(handle -> {
            var revisions = handle.attach(RevisionRepository.class);
            Optional<Revision> revision = revisions.find(revisionId);
            if (revision.isPresent() && revision.get().id() == revisions.newest(revision.get().commentId())) {
                return Optional.of("That version is the comment as it stands; edit the comment to take its words away.");
            }
            if (revisions.hide(revisionId, clock.instant(), moderator.id()) == 0) {
                return Optional.of("That version is hidden already, or does not exist.");
            }
            audit.record(handle, moderator, "revision.hide", "revision", revisionId, null, null);
            return Optional.empty();
        });
    }

    /**
     * Hides every version before the newest from readers, each audited, in {@code handle}'s transaction: a
     * moderator's edit, which usually takes out what must not be public (an address, a phone number), so the
     * words it took out are not left one click away on this page. Moderators may show a version again.
     */
    public void hideEarlierVersions(Handle handle, Actor moderator, long commentId) {
        var revisions = handle.attach(RevisionRepository.class);
        for (long revisionId : revisions.shownBeforeNewest(commentId)) {
            revisions.hide(revisionId, clock.instant(), moderator.id());
            audit.record(handle, moderator, "revision.hide", "revision", revisionId, null, "with the moderator's edit of comment " + commentId);
        }
    }

    /** Shows a hidden version's text to readers again, audited. */
    public Optional<String> show(Actor moderator, long revisionId) {
        return jdbi.inTransaction(handle -> {
            if (handle.attach(RevisionRepository.class).show(revisionId) == 0) {
                return Optional.of("That version is not hidden, or does not exist.");
            }
            audit.record(handle, moderator, "revision.show", "revision", revisionId, null, null);
            return Optional.empty();
        });
    }

    /** The comment a version belongs to, if the version exists. */
    public Optional<Long> commentOf(long revisionId) {
        return jdbi.onDemand(RevisionRepository.class).find(revisionId).map(Revision::commentId);
    }

    private List<Version> versions(long commentId, boolean everything) {
        List<Revision> revisions = jdbi.onDemand(RevisionRepository.class).ofComment(commentId);
        var versions = new ArrayList<Version>();
        Revision lastShown = null;
        for (int i = 0; i < revisions.size(); i++) {
            Revision revision = revisions.get(i);
            boolean current = i == revisions.size() - 1;
            if (revision.hidden() && !everything) {
                versions.add(version(revision, i + 1, current, null, null, null));
            } else {
                versions.add(version(revision, i + 1, current, revision.authorName(), changes(lastShown, revision),
                        stanceLine(lastShown, revision)));
                lastShown = revision;
            }
        }
        Collections.reverse(versions);
        return versions;
    }

    private Version version(Revision revision, int number, boolean current, String authorName, String changesHtml, String stance) {
        return new Version(revision.id(), number, authorName, revision.byModerator(), Formats.iso(revision.madeAt()),
                formats.readable(revision.madeAt()), current, revision.hidden(), changesHtml, stance);
    }

    /** The words of {@code revision} as HTML, changes since {@code previous} marked; whole if it is the first shown (null). */
    private static String changes(Revision previous, Revision revision) {
        return previous == null ? HtmlEscape.escapeHtml5Xml(revision.body()) : WordChanges.html(previous.body(), revision.body());
    }

    /**
     * The stance of {@code revision}, with the one it replaced when it changed since {@code previous} ("Against →
     * For"); null when there is none to tell of (a reply, or a comment that never had a stance).
     */
    private static String stanceLine(Revision previous, Revision revision) {
        Optional<Stance> now = revision.stance();
        if (previous == null || previous.stance().equals(now)) {
            return now.map(Stance::label).orElse(null);
        }
        return label(previous.stance()) + " → " + label(now);
    }

    private static String label(Optional<Stance> stance) {
        return stance.map(Stance::label).orElse("No stance");
    }
}
