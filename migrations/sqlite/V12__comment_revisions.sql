-- Every version of an edited comment, the author's and the moderators', oldest first: the first edit keeps the
-- original too. A moderator may hide a version's text from readers (personal data, say); it stays here.
CREATE TABLE comment_revisions (
    id          INTEGER PRIMARY KEY,
    comment_id  INTEGER     NOT NULL REFERENCES comments (id),
    author_name TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    made_at     TIMESTAMP   NOT NULL,
    made_by     VARCHAR(10) NOT NULL CHECK (made_by IN ('author', 'moderator')),
    hidden_at   TIMESTAMP,
    hidden_by   INTEGER     REFERENCES moderators (id)
);
CREATE INDEX comment_revisions_by_comment ON comment_revisions (comment_id, id);
