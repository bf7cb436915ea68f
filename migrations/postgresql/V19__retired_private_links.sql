-- PostgreSQL's version of V19: a private link replaced by a newer one is kept as its hash, with the time it was
-- retired, for 30 days, so opening it says it was replaced; housekeeping forgets older rows.
CREATE TABLE retired_private_links (
    manage_token_hash  VARCHAR(64) PRIMARY KEY,
    retired_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX retired_private_links_by_time ON retired_private_links (retired_at);
