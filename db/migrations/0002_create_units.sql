-- The organisation tree: a bureau and its schools and offices. Grants on a unit cover its subtree.
CREATE TABLE units (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    parent_id   uuid        NULL,
    code        text        NOT NULL,
    name        text        NOT NULL,
    name_en     text        NULL,
    time_zone   text        NOT NULL DEFAULT 'Asia/Shanghai',
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL,
    CONSTRAINT units_pk PRIMARY KEY (id),
    CONSTRAINT units_parent_fk FOREIGN KEY (parent_id) REFERENCES units (id),
    CONSTRAINT units_code_uq UNIQUE (code),
    CONSTRAINT units_not_own_parent_ck CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX units_parent_ix ON units (parent_id);
