-- Answers to creating POSTs sent with an Idempotency-Key, kept 24 hours: a client's retry gets the first answer back
-- instead of writing twice. status is NULL while the first request is still running.
CREATE TABLE idempotent_requests (
    account_id    uuid        NOT NULL,
    key           text        NOT NULL,
    fingerprint   bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    status        integer     NULL,
    content_type  text        NULL,
    location      text        NULL,
    body          bytea       NULL,
    CONSTRAINT idempotent_requests_pk PRIMARY KEY (account_id, key),
    CONSTRAINT idempotent_requests_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX idempotent_requests_created_ix ON idempotent_requests (created_at);
