package org.roundtable.operations;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Rows that decide nothing any more, for {@link Housekeeping}: each table's are found by a read walking its key
 * (after {@code after}), then deleted by key in a short write that checks again they are stale, since a post or a
 * sign-in may have used one in between.
 */
interface StaleRows {

    /** A quota whose hour and minimum interval are both over (see {@code FloodControl.forgettable}). */
    String STALE_QUOTA = "hour_started_at <= :hourStartedBy AND last_post_at <= :lastPostBy";

    @SqlQuery("SELECT quota_key FROM post_quotas WHERE quota_key > :after AND " + STALE_QUOTA + " ORDER BY quota_key LIMIT :limit")
    List<String> postQuotas(String after, Instant hourStartedBy, Instant lastPostBy, int limit);

    @SqlUpdate("DELETE FROM post_quotas WHERE quota_key IN (<keys>) AND " + STALE_QUOTA)
    int deletePostQuotas(@BindList("keys") List<String> keys, Instant hourStartedBy, Instant lastPostBy);

    @SqlQuery("SELECT id FROM login_failures WHERE id > :after AND failed_at <= :countedSince ORDER BY id LIMIT :limit")
    List<Long> loginFailures(long after, Instant countedSince, int limit);

    @SqlUpdate("DELETE FROM login_failures WHERE id IN (<ids>) AND failed_at <= :countedSince")
    int deleteLoginFailures(@BindList("ids") List<Long> ids, Instant countedSince);

    @SqlQuery("SELECT id_hash FROM moderator_sessions WHERE id_hash > :after AND last_seen_at <= :idleSince ORDER BY id_hash LIMIT :limit")
    List<String> adminSessions(String after, Instant idleSince, int limit);

    @SqlUpdate("DELETE FROM moderator_sessions WHERE id_hash IN (<idHashes>) AND last_seen_at <= :idleSince")
    int deleteAdminSessions(@BindList("idHashes") List<String> idHashes, Instant idleSince);

    /**
     * An author identity nothing refers to: every table with a foreign key to authors is asked (the
     * housekeeping test checks this list against the schema). V16 indexes the two that had no index by author.
     */
    String UNUSED_AUTHOR = """
            a.created_at <= :madeBy
            AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.author_id = a.id)
            AND NOT EXISTS (SELECT 1 FROM helpful_votes h WHERE h.author_id = a.id)
            AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.author_id = a.id)
            AND NOT EXISTS (SELECT 1 FROM bans b WHERE b.author_id = a.id)
            AND NOT EXISTS (SELECT 1 FROM stances s WHERE s.author_id = a.id)""";

    @SqlQuery("SELECT a.id FROM authors a WHERE a.id > :after AND " + UNUSED_AUTHOR + " ORDER BY a.id LIMIT :limit")
    List<Long> unusedAuthors(long after, Instant madeBy, int limit);

    @SqlUpdate("DELETE FROM authors WHERE id IN (SELECT a.id FROM authors a WHERE a.id IN (<ids>) AND " + UNUSED_AUTHOR + ")")
    int deleteUnusedAuthors(@BindList("ids") List<Long> ids, Instant madeBy);

    @SqlQuery("""
            SELECT manage_token_hash FROM retired_private_links
             WHERE manage_token_hash > :after AND retired_at <= :retiredBy ORDER BY manage_token_hash LIMIT :limit""")
    List<String> retiredPrivateLinks(String after, Instant retiredBy, int limit);

    @SqlUpdate("DELETE FROM retired_private_links WHERE manage_token_hash IN (<hashes>) AND retired_at <= :retiredBy")
    int deleteRetiredPrivateLinks(@BindList("hashes") List<String> hashes, Instant retiredBy);
}
