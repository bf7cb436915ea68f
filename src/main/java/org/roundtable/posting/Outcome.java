package org.roundtable.posting;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.JdbiException;
import org.roundtable.antispam.FloodControl;
import org.roundtable.comment.Comment;
import org.roundtable.comment.CommentStatus;
import org.roundtable.comment.Stance;
import org.roundtable.db.Database;

/**
 * What became of a comment sent to be posted: planned by the {@link PostingRules}, posted by the {@link CommentStore},
 * or refused, with the status and the reason its form is shown again with.
 */
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

        private static final String UNSAVED = "We could not save your comment just now. Your text is still here: "
                + "please send it again in a minute.";

        public static Refused flooded(FloodControl.Flooded flooded) {
            return new Refused(429, flooded.getMessage(), flooded.retryAfter());
        }

        /**
         * The one answer to words the database could not take just now (a held write lock, a full disk, a server
         * gone away), for a post and an edit alike: their form comes back as typed, to be sent again in a minute. Any
         * other database failure is not the reader's to retry, and is thrown on.
         */
        public static Refused unsaved(JdbiException failure) {
            if (!Database.isUnavailable(failure)) {
                throw failure;
            }
            return new Refused(503, UNSAVED);
        }
    }
}
