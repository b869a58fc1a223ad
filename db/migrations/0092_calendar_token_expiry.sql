-- Calendar-feed addresses expire (a year after creation or renewal by default): a forgotten subscription stops leaking.
ALTER TABLE calendar_tokens ADD COLUMN expires_at timestamptz NULL;
UPDATE calendar_tokens SET expires_at = created_at + interval '1 year';
ALTER TABLE calendar_tokens ALTER COLUMN expires_at SET NOT NULL;
