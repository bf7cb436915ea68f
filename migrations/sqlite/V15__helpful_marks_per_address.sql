-- A comment's count takes at most a few marks from one address (HELPFUL_MARKS_PER_ADDRESS): each mark keeps the
-- hash of the address it came from and whether it was counted, decided once when it is made. Marks from before
-- were all counted and their address is unknown.
ALTER TABLE helpful_votes ADD COLUMN ip_hash VARCHAR(64);
ALTER TABLE helpful_votes ADD COLUMN counted BOOLEAN NOT NULL DEFAULT TRUE;

-- The counted marks of one address on one comment, read as each mark is made.
CREATE INDEX helpful_votes_counted_by_address ON helpful_votes (comment_id, ip_hash) WHERE counted;
