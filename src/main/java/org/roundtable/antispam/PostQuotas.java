package org.roundtable.antispam;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** One row per browser and per address: when it last posted, and how much in the current hour. */
@RegisterConstructorMapper(PostQuotas.Quota.class)
public interface PostQuotas {

    record Quota(Instant lastPostAt, Instant hourStartedAt, int postsThisHour) {}

    @SqlQuery("SELECT last_post_at, hour_started_at, posts_this_hour FROM post_quotas WHERE quota_key = :key")
    Optional<Quota> find(String key);

    /**
     * Counts a post against {@code key} if the limits allow it, in one statement, so two posts at once cannot
     * both take the last place; 1 when counted, 0 when the limits refuse it.
     */
    @SqlUpdate("""
            INSERT INTO post_quotas (quota_key, last_post_at, hour_started_at, posts_this_hour)
            VALUES (:key, :now, :now, 1)
            ON CONFLICT (quota_key) DO UPDATE SET
                last_post_at = excluded.last_post_at,
                hour_started_at = CASE WHEN post_quotas.hour_started_at <= :hourAgo THEN excluded.last_post_at
                                       ELSE post_quotas.hour_started_at END,
                posts_this_hour = CASE WHEN post_quotas.hour_started_at <= :hourAgo THEN 1
                                       ELSE post_quotas.posts_this_hour + 1 END
             WHERE post_quotas.last_post_at <= :intervalAgo
               AND (post_quotas.hour_started_at <= :hourAgo OR post_quotas.posts_this_hour < :maxPerHour)""")
    int take(String key, Instant now, Instant intervalAgo, Instant hourAgo, int maxPerHour);
}
