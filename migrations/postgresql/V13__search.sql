-- PostgreSQL's version of V13: each comment's words, normalised by the application (SearchWords) and separated by
-- single spaces, under a full-text index. The 'simple' configuration only splits on the spaces and neither stems
-- nor drops words, so PostgreSQL finds what SQLite's FTS5 finds.
ALTER TABLE comments ADD COLUMN search_words TEXT NOT NULL DEFAULT '';
CREATE INDEX comments_search ON comments USING GIN (to_tsvector('simple', search_words));
