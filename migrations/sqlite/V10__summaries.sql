-- The state of the debate: moderators keep a short summary per proposal. Every revision is kept; the latest is
-- the current one.
CREATE TABLE summaries (
    id            INTEGER PRIMARY KEY,
    discussion_id INTEGER     NOT NULL REFERENCES discussions (id),
    body_markdown TEXT        NOT NULL,
    moderator_id  INTEGER     REFERENCES moderators (id),
    written_by    VARCHAR(80) NOT NULL,
    created_at    TIMESTAMP   NOT NULL
);
CREATE INDEX summaries_by_discussion ON summaries (discussion_id, created_at, id);
