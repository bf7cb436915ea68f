-- Pages show a bounded number of threads: discussions keep their count of published comments, and the
-- top-level comments of a discussion have an index of their own for paging in either direction.

ALTER TABLE discussions ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0;

UPDATE discussions SET comment_count =
    (SELECT COUNT(*) FROM comments c WHERE c.discussion_id = discussions.id AND c.status = 'published');

CREATE INDEX comments_thread_roots ON comments (discussion_id, created_at, id) WHERE parent_id IS NULL;
