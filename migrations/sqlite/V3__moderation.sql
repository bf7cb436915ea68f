-- Moderation: moderator accounts and their sessions, per-article policy, reader reports, bans and the audit log.

CREATE TABLE moderators (
    id            INTEGER PRIMARY KEY,
    username      VARCHAR(80)  NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'moderator')),
    created_at    TIMESTAMP    NOT NULL,
    -- Removed accounts stay, so bans and audit rows still name who acted.
    removed_at    TIMESTAMP
);

-- Only a hash of the session id is stored, so a copy of the database cannot be used to sign in.
CREATE TABLE moderator_sessions (
    id_hash      VARCHAR(64) PRIMARY KEY,
    moderator_id INTEGER     NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP   NOT NULL,
    last_seen_at TIMESTAMP   NOT NULL
);

CREATE TABLE login_failures (
    id        INTEGER PRIMARY KEY,
    username  VARCHAR(80) NOT NULL,
    ip_hash   VARCHAR(64) NOT NULL,
    failed_at TIMESTAMP   NOT NULL
);
CREATE INDEX login_failures_by_username ON login_failures (username, failed_at);
CREATE INDEX login_failures_by_ip ON login_failures (ip_hash, failed_at);

ALTER TABLE articles ADD COLUMN moderation_policy VARCHAR(20) NOT NULL DEFAULT 'open'
    CHECK (moderation_policy IN ('open', 'first_time_held', 'all_held'));

-- A salted hash of the poster's IP address, for bans; the address itself is never stored.
ALTER TABLE comments ADD COLUMN ip_hash VARCHAR(64);

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    comment_id  INTEGER     NOT NULL REFERENCES comments (id),
    author_id   INTEGER     NOT NULL REFERENCES authors (id),
    reason      VARCHAR(20) NOT NULL CHECK (reason IN ('spam', 'abuse', 'off_topic', 'other')),
    details     TEXT,
    created_at  TIMESTAMP   NOT NULL,
    resolved_at TIMESTAMP,
    UNIQUE (comment_id, author_id)
);
CREATE INDEX reports_open ON reports (comment_id, resolved_at);

CREATE TABLE bans (
    id           INTEGER PRIMARY KEY,
    author_id    INTEGER REFERENCES authors (id),
    ip_hash      VARCHAR(64),
    reason       TEXT      NOT NULL,
    comment_id   INTEGER   REFERENCES comments (id),
    created_by   INTEGER   REFERENCES moderators (id),
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP,
    lifted_at    TIMESTAMP,
    lifted_by    INTEGER   REFERENCES moderators (id)
);
CREATE INDEX bans_by_author ON bans (author_id);
CREATE INDEX bans_by_ip ON bans (ip_hash);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    moderator_id INTEGER     REFERENCES moderators (id),
    moderator    VARCHAR(80) NOT NULL,
    action       VARCHAR(40) NOT NULL,
    target_type  VARCHAR(20) NOT NULL,
    target_id    INTEGER,
    before_value TEXT,
    after_value  TEXT,
    created_at   TIMESTAMP   NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (created_at);

CREATE INDEX comments_by_status ON comments (status, created_at);
