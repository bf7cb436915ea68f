-- Every check a post makes is a bounded index lookup, whatever the author or the address posted before.

-- Flood control keeps one row per browser and per address, updated by a conditional upsert as each comment
-- is stored: a check reads one row, and simultaneous posts cannot all pass (several instances included).
CREATE TABLE post_quotas (
    quota_key       VARCHAR(100) PRIMARY KEY,   -- 'author:<id>' or 'address:<keyed hash>'
    last_post_at    TIMESTAMP    NOT NULL,
    hour_started_at TIMESTAMP    NOT NULL,
    posts_this_hour INTEGER      NOT NULL
);

-- Duplicates are looked up by their opening words within the window, not by scanning the window.
CREATE INDEX comments_duplicates ON comments (discussion_id, substr(body, 1, 64), created_at);

-- An author's comments by status and time: whether they have anything published or held, or published lately.
CREATE INDEX comments_by_author_status ON comments (author_id, status, created_at);

-- Reports remember the reporter's address (keyed hash), so one address counts once toward hiding a comment.
ALTER TABLE reports ADD COLUMN ip_hash VARCHAR(100);
