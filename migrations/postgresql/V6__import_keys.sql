-- PostgreSQL's version of V6, the same SQL as SQLite's.
-- Comments brought in from elsewhere (a WordPress export) remember where they came from, so importing the
-- same file again changes nothing.
ALTER TABLE comments ADD COLUMN import_key VARCHAR(200);
CREATE UNIQUE INDEX comments_by_import_key ON comments (import_key);
