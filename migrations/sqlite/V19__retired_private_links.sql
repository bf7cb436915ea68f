-- A private link replaced by a newer one is kept as its hash, with the time it was retired, for 30 days: opening
-- it then says it was replaced rather than "not valid". Housekeeping forgets older rows. No author id: the row
-- answers only "was this link ever real", and an author identity may be forgotten without it.
CREATE TABLE retired_private_links (
    manage_token_hash  VARCHAR(64) PRIMARY KEY,
    retired_at         TIMESTAMP   NOT NULL
);
CREATE INDEX retired_private_links_by_time ON retired_private_links (retired_at);
