-- PostgreSQL's version of V13: each comment's words, normalised by the application (SearchWords) and separated by
-- single spaces, and their 'simple' lexemes, stored so that the planner has statistics on them (a rare word is read
-- from the index, a common one newest first by id) and checking a row costs no parsing. The 'simple'
-- configuration only splits on the spaces and neither stems nor drops words, so PostgreSQL finds what SQLite's
-- FTS5 finds.
ALTER TABLE comments ADD COLUMN search_words TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', search_words)) STORED;
CREATE INDEX comments_search ON comments USING GIN (search_vector);
