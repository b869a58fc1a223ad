-- A critical period declared on a unit for its subtree. The date range is inclusive at both ends.
CREATE TABLE periods (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id      uuid        NOT NULL,
    name         text        NOT NULL,
    first_day    date        NOT NULL,
    last_day     date        NOT NULL,
    calendar_id  uuid        NOT NULL,
    rules        jsonb       NOT NULL DEFAULT '[]',
    version      integer     NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL,
    CONSTRAINT periods_pk PRIMARY KEY (id),
    CONSTRAINT periods_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT periods_calendar_fk FOREIGN KEY (calendar_id) REFERENCES holiday_calendars (id),
    CONSTRAINT periods_order_ck CHECK (first_day <= last_day),
    CONSTRAINT periods_rules_array_ck CHECK (jsonb_typeof(rules) = 'array')
);
CREATE INDEX periods_unit_ix ON periods (unit_id, id);

-- The shifts of a period by day type: local start time, length and head-count per duty role.
CREATE TABLE shifts (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    period_id   uuid        NOT NULL,
    code        text        NOT NULL,
    name        text        NOT NULL,
    name_en     text        NULL,
    day_types   text[]      NOT NULL,
    starts_at   time        NOT NULL,
    length      interval    NOT NULL,
    headcount   jsonb       NOT NULL,
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL,
    CONSTRAINT shifts_pk PRIMARY KEY (id),
    CONSTRAINT shifts_period_fk FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE,
    CONSTRAINT shifts_period_code_uq UNIQUE (period_id, code),
    CONSTRAINT shifts_length_ck CHECK (length > interval '0' AND length <= interval '48 hours')
);

-- Rules a unit adds to (tightens) those of the period it inherits.
CREATE TABLE unit_rules (
    period_id   uuid    NOT NULL,
    unit_id     uuid    NOT NULL,
    rules       jsonb   NOT NULL DEFAULT '[]',
    version     integer NOT NULL DEFAULT 1,
    CONSTRAINT unit_rules_pk PRIMARY KEY (period_id, unit_id),
    CONSTRAINT unit_rules_period_fk FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE,
    CONSTRAINT unit_rules_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT unit_rules_array_ck CHECK (jsonb_typeof(rules) = 'array')
);
