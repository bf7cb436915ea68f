-- Articles, the discussions they are split into (one per proposal plus one general), and comments.
-- Types are kept to what SQLite and PostgreSQL both understand; ids are SQLite rowids here.

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    slug             VARCHAR(200) NOT NULL UNIQUE,
    title            TEXT         NOT NULL,
    author           TEXT         NOT NULL,
    byline           TEXT         NOT NULL,
    source           TEXT,
    published_on     DATE         NOT NULL,
    lead_markdown    TEXT         NOT NULL,
    closing_markdown TEXT         NOT NULL,
    imported_at      TIMESTAMP    NOT NULL
);

CREATE TABLE discussions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER     NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- 'general' or 'proposal-N': the name used in URLs and forms.
    discussion_key VARCHAR(40) NOT NULL,
    position      INTEGER     NOT NULL,
    title         TEXT,
    body_markdown TEXT,
    locked        BOOLEAN     NOT NULL DEFAULT FALSE,
    UNIQUE (article_id, discussion_key)
);

CREATE TABLE comments (
    id            INTEGER PRIMARY KEY,
    discussion_id INTEGER   NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
    parent_id     INTEGER   REFERENCES comments (id),
    -- The top-level comment of the thread and the depth below it, so a page of threads is one indexed query.
    root_id       INTEGER   REFERENCES comments (id),
    depth         INTEGER   NOT NULL DEFAULT 0,
    author_name   TEXT      NOT NULL,
    body          TEXT      NOT NULL,
    status        VARCHAR(20) NOT NULL DEFAULT 'published'
                  CHECK (status IN ('published', 'held', 'rejected', 'spam', 'deleted')),
    created_at    TIMESTAMP NOT NULL,
    edited_at     TIMESTAMP,
    edited_by_moderator BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX comments_by_discussion ON comments (discussion_id, status, created_at);
CREATE INDEX comments_by_root ON comments (root_id, created_at);
CREATE INDEX comments_by_parent ON comments (parent_id);
