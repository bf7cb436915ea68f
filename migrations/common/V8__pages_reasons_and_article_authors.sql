-- "Page X of Y" on a discussion's pages: each discussion keeps the number of its threads that earn a place
-- on a page (top-level comments published, or deleted by their authors and so possibly holding replies).

ALTER TABLE discussions ADD COLUMN thread_count INTEGER NOT NULL DEFAULT 0;

UPDATE discussions SET thread_count =
    (SELECT COUNT(*) FROM comments c
      WHERE c.discussion_id = discussions.id AND c.parent_id IS NULL AND c.status IN ('published', 'deleted'));

-- Why a comment waits for a moderator (the link limit, the article's policy, a blocklist entry, the spam
-- trap, reports...), in words the queue shows; null for comments that never waited or waited before this.
ALTER TABLE comments ADD COLUMN held_reason TEXT;

-- Comments the article's own author wrote (imported from WordPress, where the post's author is marked).
ALTER TABLE comments ADD COLUMN by_article_author BOOLEAN NOT NULL DEFAULT FALSE;

-- The thread roots with what decides whether a reader sees them (status, and the author for their own held
-- ones): counting the threads before one, to number its page, reads this index alone.
CREATE INDEX comments_thread_roots_visible ON comments (discussion_id, created_at, id, status, author_id, parent_id)
    WHERE parent_id IS NULL;
