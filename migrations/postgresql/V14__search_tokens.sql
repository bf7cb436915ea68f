-- PostgreSQL's version of V14: the stored lexemes are exactly the words SearchWords made, split at the single spaces
-- between them by string_to_array, with no parser of PostgreSQL's own (whose idea of a letter depends on the server's
-- locale and differed from SQLite's). Both functions are immutable, as a generated column requires. Queries are
-- tsqueries of the same words, quoted (see db.FullText). SearchWordsEngineTest checks every code point.
ALTER TABLE comments DROP COLUMN search_vector;
ALTER TABLE comments ADD COLUMN search_vector TSVECTOR
    GENERATED ALWAYS AS (array_to_tsvector(string_to_array(search_words, ' '))) STORED;
CREATE INDEX comments_search ON comments USING GIN (search_vector);
