-- Secret calendar-feed URLs (iCalendar subscriptions) for one person or one unit. Only the SHA-256 hash of the token
-- is kept, so a leaked table does not leak working URLs. Revoking keeps the row (for the list and the audit trail).
CREATE TABLE calendar_tokens (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    token_hash  bytea       NOT NULL,
    person_id   uuid        NULL,
    unit_id     uuid        NULL,
    label       text        NULL,
    created_by  uuid        NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz NULL,
    revoked_by  uuid        NULL,
    CONSTRAINT calendar_tokens_pk PRIMARY KEY (id),
    CONSTRAINT calendar_tokens_hash_uq UNIQUE (token_hash),
    CONSTRAINT calendar_tokens_hash_length_ck CHECK (octet_length(token_hash) = 32),
    CONSTRAINT calendar_tokens_person_fk FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE,
    CONSTRAINT calendar_tokens_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE,
    CONSTRAINT calendar_tokens_created_by_fk FOREIGN KEY (created_by) REFERENCES accounts (id) ON DELETE SET NULL,
    -- A token belongs to exactly one person or one unit.
    CONSTRAINT calendar_tokens_owner_ck CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE INDEX calendar_tokens_person_ix ON calendar_tokens (person_id, id) WHERE person_id IS NOT NULL;
CREATE INDEX calendar_tokens_unit_ix ON calendar_tokens (unit_id, id) WHERE unit_id IS NOT NULL;
