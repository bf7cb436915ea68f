-- Search. Each comment's words, normalised by the application (SearchWords) and separated by single spaces, in a
-- column of its own; FTS5 indexes that column, kept in step by triggers. Rows written before this migration are
-- filled in by the application at start (SearchBackfill).
ALTER TABLE comments ADD COLUMN search_words TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE comment_search USING fts5(
    search_words, content = 'comments', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER comment_search_insert AFTER INSERT ON comments BEGIN
    INSERT INTO comment_search (rowid, search_words) VALUES (new.id, new.search_words);
END;
CREATE TRIGGER comment_search_delete AFTER DELETE ON comments BEGIN
    INSERT INTO comment_search (comment_search, rowid, search_words) VALUES ('delete', old.id, old.search_words);
END;
CREATE TRIGGER comment_search_update AFTER UPDATE OF search_words ON comments BEGIN
    INSERT INTO comment_search (comment_search, rowid, search_words) VALUES ('delete', old.id, old.search_words);
    INSERT INTO comment_search (rowid, search_words) VALUES (new.id, new.search_words);
END;

-- Every existing row in the index (with no words yet), so that the triggers' deletes always find what they remove.
INSERT INTO comment_search (comment_search) VALUES ('rebuild');
