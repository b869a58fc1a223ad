-- Accounts that people manage: a row version for ETags, a session version that ends every token issued before a
-- password change or a deactivation, the one-time-password flag, and the last few password hashes (no reuse).
ALTER TABLE accounts
    ADD COLUMN version                  integer     NOT NULL DEFAULT 1,
    ADD COLUMN session_version          integer     NOT NULL DEFAULT 1,
    ADD COLUMN password_change_required boolean     NOT NULL DEFAULT false,
    ADD COLUMN previous_password_hashes text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN password_changed_at      timestamptz NULL;

-- "Admin" and "admin" are one user.
CREATE UNIQUE INDEX accounts_username_lower_ux ON accounts (lower(username));

-- Sign-in attempts per key (a username at a client address, or a client address alone) in the current window.
-- Rows whose window has passed are pruned by the sign-ins themselves, so the table holds only live windows.
CREATE TABLE sign_in_attempts (
    key           text        NOT NULL,
    window_start  timestamptz NOT NULL,
    attempts      integer     NOT NULL,
    CONSTRAINT sign_in_attempts_pk PRIMARY KEY (key),
    CONSTRAINT sign_in_attempts_key_ck CHECK (length(key) <= 300)
);
CREATE INDEX sign_in_attempts_window_ix ON sign_in_attempts (window_start);
