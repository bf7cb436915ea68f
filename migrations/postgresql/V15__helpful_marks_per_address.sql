-- PostgreSQL's version of V15: each mark keeps its address's hash and whether the comment's count took it.
ALTER TABLE helpful_votes ADD COLUMN ip_hash VARCHAR(64);
ALTER TABLE helpful_votes ADD COLUMN counted BOOLEAN NOT NULL DEFAULT TRUE;

CREATE INDEX helpful_votes_counted_by_address ON helpful_votes (comment_id, ip_hash) WHERE counted;
