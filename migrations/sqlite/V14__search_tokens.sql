-- The index holds exactly the words SearchWords made: FTS5's 'ascii' tokenizer splits only at ASCII characters other
-- than letters and digits, and folds only ASCII capitals, and SearchWords writes lower-case letters and digits
-- separated by single spaces, so the space is the only separator it meets. 'unicode61' split words at characters its
-- own (older) Unicode tables do not count as letters, such as U+19B0..U+19C9 and U+1CF2..U+1CF3, which turned one
-- word into a phrase query (25 "the" joined by U+19B0 plus 20 "port" took over 2 s on a million comments) and made
-- SQLite find other comments than PostgreSQL. SearchWordsEngineTest checks every code point.
DROP TRIGGER comment_search_insert;
DROP TRIGGER comment_search_delete;
DROP TRIGGER comment_search_update;
DROP TABLE comment_search;

CREATE VIRTUAL TABLE comment_search USING fts5(
    search_words, content = 'comments', content_rowid = 'id', tokenize = 'ascii');

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

-- Every row's stored words, tokenized anew; the application then recomputes the words themselves (SearchBackfill).
INSERT INTO comment_search (comment_search) VALUES ('rebuild');
