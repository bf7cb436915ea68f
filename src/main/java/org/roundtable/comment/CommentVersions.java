package org.roundtable.comment;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Keeps every version of an edited comment, in the transaction of the edit ({@link CommentRepository#edit},
 * {@link CommentRepository#editByModerator}); the history feature reads and hides them.
 */
interface CommentVersions {

    /**
     * Keeps the new version of an edited comment, and with the first edit the version before it: the original, or
     * for a comment edited before versions were kept, what that edit left. A version keeps the stance too, since a
     * changed stance moves the tally; an edit that changes none of name, words and stance makes no version.
     */
    default void keep(Comment before, String authorName, String body, Stance stance, Instant editedAt, String madeBy) {
        if (before.authorName().equals(authorName) && before.body().equals(body) && before.stance() == stance) {
            return;
        }
        if (!exist(before.id())) {
            boolean editedBefore = before.editedAt() != null;
            add(before.id(), before.authorName(), before.body(), valueOf(before.stance()),
                    editedBefore ? before.editedAt() : before.createdAt(),
                    editedBefore && before.editedByModerator() ? "moderator" : "author");
        }
        add(before.id(), authorName, body, valueOf(stance), editedAt, madeBy);
    }

    private static String valueOf(Stance stance) {
        return stance == null ? null : stance.value();
    }

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM comment_revisions WHERE comment_id = :commentId)")
    boolean exist(long commentId);

    @SqlUpdate("""
            INSERT INTO comment_revisions (comment_id, author_name, body, stance, made_at, made_by)
            VALUES (:commentId, :authorName, :body, :stance, :madeAt, :madeBy)""")
    void add(long commentId, String authorName, String body, String stance, Instant madeAt, String madeBy);
}
