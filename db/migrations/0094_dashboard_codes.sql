-- One-time codes that open the scheduler dashboard in a browser: short-lived, used once, only their hash is kept.
CREATE TABLE dashboard_codes (
    code_hash   bytea       NOT NULL,
    account_id  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL,
    CONSTRAINT dashboard_codes_pk PRIMARY KEY (code_hash),
    CONSTRAINT dashboard_codes_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
