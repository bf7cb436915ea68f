package org.roundtable.comment;

/**
 * Who sees a comment: the one place the rules are spelled out, each as a predicate for Java and as a condition for
 * SQL that say the same (VisibilityTest holds them to it on both engines).
 * <ol>
 *   <li>Every reader sees the words of a published comment, and those of no other: {@link #shownToReaders},
 *       {@link #SHOWN_TO_READERS}.</li>
 *   <li>A published or deleted top-level comment keeps its thread's place on a discussion's pages (and in their
 *       count): a comment its author deleted stays as a "[deleted]" placeholder above the replies readers see.
 *       {@link #keepsItsPlace}, {@link #KEEPS_ITS_PLACE}.</li>
 *   <li>Its author also sees their own comment while it awaits a moderator, including one the spam defences set
 *       aside, so a person is never left wondering where it went. The author is the browser identity that posted it
 *       (its cookie, or the private link); imported comments have none. {@link #shownToItsAuthor},
 *       {@link #SHOWN_TO_ITS_AUTHOR}, which reads the reader's identity from {@code :viewerId}.</li>
 * </ol>
 * The conditions are constants, because {@code @SqlQuery} takes only constants, and name the columns of
 * {@code comments} unqualified, so that one constant serves whatever alias a query gives the table: no other table
 * has a {@code status} column, and in a subquery SQL takes a name from the subquery's own tables first. A query that
 * joins {@code comments} to itself keeps the other side in a subquery of its own, or the engine refuses the name as
 * ambiguous. Each condition is in parentheses, so it can be joined to the rest of a query with AND or OR, with or
 * without spaces around it.
 */
public final class Visibility {

    public static final String SHOWN_TO_READERS = "(status = 'published')";

    public static final String KEEPS_ITS_PLACE = "(status IN ('published', 'deleted'))";

    public static final String SHOWN_TO_ITS_AUTHOR = "(author_id = :viewerId AND status IN ('held', 'spam'))";

    private Visibility() {
    }

    /** Rule 1: whether every reader sees the words of a comment in this status. */
    public static boolean shownToReaders(CommentStatus status) {
        return status == CommentStatus.PUBLISHED;
    }

    /** Rule 2: whether a top-level comment in this status keeps its thread's place on a discussion's pages. */
    public static boolean keepsItsPlace(CommentStatus status) {
        return status == CommentStatus.PUBLISHED || status == CommentStatus.DELETED;
    }

    /** Rule 3: whether the reader {@code viewerId} (null: one the site does not know) sees it as its author. */
    public static boolean shownToItsAuthor(Comment comment, Long viewerId) {
        return comment.isAwaitingModeration() && isItsAuthor(comment, viewerId);
    }

    /** How rule 3 recognises the author: the reader is the browser identity that posted the comment. */
    public static boolean isItsAuthor(Comment comment, Long viewerId) {
        return viewerId != null && viewerId.equals(comment.authorId());
    }

    /**
     * Whether some reader sees its words, whoever is reading: every reader (rule 1), or its author while it awaits a
     * moderator (rule 3). For work done before, or without, asking who reads.
     */
    public static boolean shownToSomeone(Comment comment) {
        return shownToReaders(comment.status()) || comment.isAwaitingModeration();
    }
}
