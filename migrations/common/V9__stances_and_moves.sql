-- Where each proposal stands. A top-level comment in a proposal's discussion may carry its writer's stance on the
-- proposal; stance_set_at says when it was last set (a post, or an edit that changed it), since a person's
-- latest stance is the one that counts.
ALTER TABLE comments ADD COLUMN stance VARCHAR(10) CHECK (stance IN ('for', 'against', 'undecided'));
ALTER TABLE comments ADD COLUMN stance_set_at TIMESTAMP WITH TIME ZONE;

-- A comment a moderator moved, with its replies, from another discussion of the same article says where from.
ALTER TABLE comments ADD COLUMN moved_from_discussion_id BIGINT REFERENCES discussions (id);

-- Each person's current stance per proposal: their latest stance among the comments readers can see. Derived
-- from the comments (and rebuilt from them on import), kept so that tallies count people, not comments.
CREATE TABLE stances (
    discussion_id BIGINT      NOT NULL REFERENCES discussions (id),
    author_id     BIGINT      NOT NULL REFERENCES authors (id),
    comment_id    BIGINT      NOT NULL REFERENCES comments (id),
    stance        VARCHAR(10) NOT NULL,
    PRIMARY KEY (discussion_id, author_id)
);

-- The tallies, changed in the same transaction as the stances they count.
ALTER TABLE discussions ADD COLUMN tally_for INTEGER NOT NULL DEFAULT 0;
ALTER TABLE discussions ADD COLUMN tally_against INTEGER NOT NULL DEFAULT 0;
ALTER TABLE discussions ADD COLUMN tally_undecided INTEGER NOT NULL DEFAULT 0;

-- One author's stance-bearing comments in a discussion, latest first: what finding their current stance reads.
CREATE INDEX comments_stances_by_author ON comments (discussion_id, author_id, stance_set_at)
    WHERE stance IS NOT NULL;

-- A discussion's threads of one stance, in order: a page filtered by stance reads these.
CREATE INDEX comments_roots_by_stance ON comments (discussion_id, stance, created_at, id)
    WHERE parent_id IS NULL AND stance IS NOT NULL;

-- Summaries name the moderator who wrote them by a name chosen for readers, never by their login.
ALTER TABLE moderators ADD COLUMN display_name VARCHAR(80) NOT NULL DEFAULT 'the moderators';
