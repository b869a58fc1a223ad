-- Holiday calendars as documents: statutory holidays and make-up workdays per year.
-- Built-in ones (no owner unit) are shared and read-only; others belong to a unit and its subtree.
CREATE TABLE holiday_calendars (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id     uuid        NULL,
    code        text        NOT NULL,
    name        text        NOT NULL,
    document    jsonb       NOT NULL,
    builtin     boolean     NOT NULL DEFAULT false,
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL,
    CONSTRAINT holiday_calendars_pk PRIMARY KEY (id),
    CONSTRAINT holiday_calendars_code_uq UNIQUE (code),
    CONSTRAINT holiday_calendars_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id)
);
