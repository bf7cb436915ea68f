-- Housekeeping forgets author identities nothing refers to, asking every table with a foreign key to authors
-- whether it refers to one. These two had no index leading with the author, so each question read the whole table.
CREATE INDEX reports_by_author ON reports (author_id);
CREATE INDEX stances_by_author ON stances (author_id);
