-- Readers mark comments helpful: one mark per browser (its author identity) per comment, taken back by deleting it.
CREATE TABLE helpful_votes (
    comment_id BIGINT                   NOT NULL REFERENCES comments (id),
    author_id  BIGINT                   NOT NULL REFERENCES authors (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (comment_id, author_id)
);

-- One browser's marks, for the script that shows which buttons it pressed.
CREATE INDEX helpful_votes_by_author ON helpful_votes (author_id, comment_id);

-- The count each comment shows, changed in the same transaction as the marks it counts.
ALTER TABLE comments ADD COLUMN helpful_count INTEGER NOT NULL DEFAULT 0;

-- A discussion's threads, most helpful first, with what decides whether a reader sees them: the "Top" pages.
CREATE INDEX comments_roots_by_helpful ON comments (discussion_id, helpful_count DESC, created_at, id, status, author_id)
    WHERE parent_id IS NULL;
