-- Local sign-in accounts and the grants that give them rights on a unit's subtree.
CREATE TABLE accounts (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    username       text        NOT NULL,
    password_hash  text        NOT NULL,
    display_name   text        NOT NULL,
    person_id      uuid        NULL,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL,
    CONSTRAINT accounts_pk PRIMARY KEY (id),
    CONSTRAINT accounts_username_uq UNIQUE (username),
    CONSTRAINT accounts_person_fk FOREIGN KEY (person_id) REFERENCES people (id)
);

CREATE TABLE grants (
    account_id  uuid NOT NULL,
    unit_id     uuid NOT NULL,
    role        text NOT NULL,
    CONSTRAINT grants_pk PRIMARY KEY (account_id, unit_id, role),
    CONSTRAINT grants_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT grants_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE,
    CONSTRAINT grants_role_ck CHECK (role IN ('admin', 'supervisor', 'staff'))
);
