-- Readers post without accounts. An author is the random identity behind a signed cookie; the private
-- link that manages their comments from another device is stored only as a hash.

CREATE TABLE authors (
    id                 INTEGER PRIMARY KEY,
    public_id          VARCHAR(64) NOT NULL UNIQUE,
    manage_token_hash  VARCHAR(64) NOT NULL UNIQUE,
    created_at         TIMESTAMP   NOT NULL
);

ALTER TABLE comments ADD COLUMN author_id INTEGER REFERENCES authors (id);
CREATE INDEX comments_by_author ON comments (author_id, created_at);

-- Values the server generates once and keeps, such as the signing secret when SECRET_KEY is not set.
CREATE TABLE settings (
    name  VARCHAR(100) PRIMARY KEY,
    value TEXT         NOT NULL
);
