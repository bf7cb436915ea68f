-- Spam defences: an admin-editable blocklist, and indexes for flood control by address.

CREATE TABLE blocklist (
    id         INTEGER PRIMARY KEY,
    kind       VARCHAR(20)  NOT NULL CHECK (kind IN ('phrase', 'ip_hash')),
    value      VARCHAR(500) NOT NULL,
    verdict    VARCHAR(10)  NOT NULL CHECK (verdict IN ('held', 'spam')),
    created_by INTEGER      REFERENCES moderators (id),
    created_at TIMESTAMP    NOT NULL,
    UNIQUE (kind, value)
);

CREATE INDEX comments_by_ip ON comments (ip_hash, created_at);
CREATE INDEX comments_by_discussion_author ON comments (discussion_id, author_id, created_at);
