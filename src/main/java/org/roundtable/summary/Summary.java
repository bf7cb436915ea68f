package org.roundtable.summary;

import java.time.Instant;

/**
 * One revision of a proposal's summary, the state of its debate as the moderators put it: what the discussion has
 * established and where it still disagrees. {@code writtenBy} is the display name of the moderator who wrote it.
 */
public record Summary(long id, long discussionId, String bodyMarkdown, String writtenBy, Instant createdAt) {}
