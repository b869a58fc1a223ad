-- Standby (备班): people reachable, not on site, who step in first when a slot of the roster opens.
-- A shift asks for standby people per duty role beside its head-count.
ALTER TABLE shifts
    ADD COLUMN standby jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT shifts_standby_object_ck CHECK (jsonb_typeof(standby) = 'object');

-- A person standing by for a shift and role of a roster version. slot_key has the duty slots' form
-- (date/shift/role/index) and is unique among the version's standbys, not among its duties. The time is half-open.
-- stepped_in_* record that this standby took the duty slot named there (the duty assignment itself is in assignments).
CREATE TABLE standby_assignments (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    roster_version_id  uuid        NOT NULL,
    slot_key           text        NOT NULL,
    shift_code         text        NOT NULL,
    role               text        NOT NULL,
    duty_date          date        NOT NULL,
    person_id          uuid        NOT NULL,
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL,
    during             tstzrange   GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
    source             text        NOT NULL DEFAULT 'generated',
    stepped_in_at      timestamptz NULL,
    stepped_in_slot    text        NULL,
    CONSTRAINT standby_assignments_pk PRIMARY KEY (id),
    CONSTRAINT standby_assignments_version_fk FOREIGN KEY (roster_version_id) REFERENCES roster_versions (id) ON DELETE CASCADE,
    CONSTRAINT standby_assignments_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT standby_assignments_slot_uq UNIQUE (roster_version_id, slot_key),
    CONSTRAINT standby_assignments_order_ck CHECK (starts_at < ends_at),
    CONSTRAINT standby_assignments_source_ck CHECK (source IN ('generated', 'manual')),
    CONSTRAINT standby_assignments_stepped_ck CHECK ((stepped_in_at IS NULL) = (stepped_in_slot IS NULL)),
    -- Within one version a person never stands by twice at the same time.
    CONSTRAINT standby_assignments_no_overlap_ex EXCLUDE USING gist (roster_version_id WITH =, person_id WITH =, during WITH &&)
);
CREATE INDEX standby_assignments_person_ix ON standby_assignments (person_id, starts_at);

-- "Standby steps in automatically" (备班自动顶岗): a gap on the published roster is filled at once from its standby.
ALTER TABLE duty_settings
    ADD COLUMN standby_steps_in boolean NOT NULL DEFAULT false;

-- A duty taken over by its standby says so.
ALTER TABLE assignments
    DROP CONSTRAINT assignments_source_ck,
    ADD CONSTRAINT assignments_source_ck CHECK (source IN ('generated', 'manual', 'swap', 'standby'));
