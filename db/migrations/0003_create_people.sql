-- People who can be on duty. Roles are the duty roles a person is qualified for (leader, staff, or a custom code).
CREATE TABLE people (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id          uuid        NOT NULL,
    name             text        NOT NULL,
    employment_type  text        NOT NULL,
    roles            text[]      NOT NULL DEFAULT '{}',
    tags             text[]      NOT NULL DEFAULT '{}',
    phone            text        NULL,
    email            text        NULL,
    active           boolean     NOT NULL DEFAULT true,
    version          integer     NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL,
    CONSTRAINT people_pk PRIMARY KEY (id),
    CONSTRAINT people_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT people_employment_type_ck CHECK (employment_type IN ('formal', 'contract', 'temporary'))
);
CREATE INDEX people_unit_ix ON people (unit_id, id);

-- Leave and days off. The range is inclusive of both dates, in the unit's calendar.
CREATE TABLE leaves (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    person_id   uuid        NOT NULL,
    first_day   date        NOT NULL,
    last_day    date        NOT NULL,
    kind        text        NOT NULL DEFAULT 'leave',
    status      text        NOT NULL DEFAULT 'approved',
    reason      text        NULL,
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL,
    CONSTRAINT leaves_pk PRIMARY KEY (id),
    CONSTRAINT leaves_person_fk FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE,
    CONSTRAINT leaves_order_ck CHECK (first_day <= last_day),
    CONSTRAINT leaves_kind_ck CHECK (kind IN ('leave', 'day_off')),
    CONSTRAINT leaves_status_ck CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled'))
);
CREATE INDEX leaves_person_ix ON leaves (person_id, first_day);
