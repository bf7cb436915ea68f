-- A version of a comment keeps the stance it had, so that an edit from Against to For, which moves the tally, is
-- in the history too. Earlier versions were kept without it: they take the comment's stance as it stands, so that
-- no version claims a change nobody can know was made.
ALTER TABLE comment_revisions ADD COLUMN stance VARCHAR(10) CHECK (stance IN ('for', 'against', 'undecided'));
UPDATE comment_revisions SET stance = (SELECT c.stance FROM comments c WHERE c.id = comment_revisions.comment_id);
