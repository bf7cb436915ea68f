package org.roundtable.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The kept versions of edited comments (kept by {@code CommentRepository} with every edit), and their hiding. */
@RegisterConstructorMapper(Revision.class)
public interface RevisionRepository {

    String COLUMNS = "id, comment_id, author_name, body, stance AS stance_value, made_at, made_by, hidden_at";

    /** Every version of a comment, oldest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM comment_revisions WHERE comment_id = :commentId ORDER BY id")
    List<Revision> ofComment(long commentId);

    @SqlQuery("SELECT " + COLUMNS + " FROM comment_revisions WHERE id = :id")
    Optional<Revision> find(long id);

    /** The newest version of a comment, whose text is the comment's own; null for a comment never edited. */
    @SqlQuery("SELECT MAX(id) FROM comment_revisions WHERE comment_id = :commentId")
    Long newest(long commentId);

    /** The versions before the newest that readers may still see, oldest first. */
    @SqlQuery("""
            SELECT id FROM comment_revisions
             WHERE comment_id = :commentId AND hidden_at IS NULL
               AND id < (SELECT MAX(id) FROM comment_revisions WHERE comment_id = :commentId)
             ORDER BY id""")
    List<Long> shownBeforeNewest(long commentId);

    @SqlUpdate("UPDATE comment_revisions SET hidden_at = :at, hidden_by = :moderatorId WHERE id = :id AND hidden_at IS NULL")
    int hide(long id, Instant at, Long moderatorId);

    @SqlUpdate("UPDATE comment_revisions SET hidden_at = NULL, hidden_by = NULL WHERE id = :id AND hidden_at IS NOT NULL")
    int show(long id);
}
