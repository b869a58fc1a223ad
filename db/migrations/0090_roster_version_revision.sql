-- Hand edits of a draft carry its ETag: the revision counts the changes made to a version since it was created.
ALTER TABLE roster_versions ADD COLUMN revision integer NOT NULL DEFAULT 1;
