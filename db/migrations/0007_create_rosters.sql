-- A unit's roster for a period, kept as versions: draft, then published. Every published version is kept.
CREATE TABLE roster_versions (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    period_id     uuid        NOT NULL,
    unit_id       uuid        NOT NULL,
    number        integer     NOT NULL,
    status        text        NOT NULL DEFAULT 'draft',
    created_at    timestamptz NOT NULL,
    published_at  timestamptz NULL,
    CONSTRAINT roster_versions_pk PRIMARY KEY (id),
    CONSTRAINT roster_versions_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
    CONSTRAINT roster_versions_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT roster_versions_number_uq UNIQUE (period_id, unit_id, number),
    CONSTRAINT roster_versions_status_ck CHECK (status IN ('draft', 'published', 'superseded'))
);

-- A person in a slot. The slot's time is half-open [starts_at, ends_at): back-to-back shifts do not overlap.
CREATE TABLE assignments (
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
    pinned             boolean     NOT NULL DEFAULT false,
    CONSTRAINT assignments_pk PRIMARY KEY (id),
    CONSTRAINT assignments_version_fk FOREIGN KEY (roster_version_id) REFERENCES roster_versions (id) ON DELETE CASCADE,
    CONSTRAINT assignments_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT assignments_slot_uq UNIQUE (roster_version_id, slot_key),
    CONSTRAINT assignments_order_ck CHECK (starts_at < ends_at),
    CONSTRAINT assignments_source_ck CHECK (source IN ('generated', 'manual', 'swap')),
    -- Within one roster version a person is never in two overlapping slots.
    CONSTRAINT assignments_no_overlap_ex EXCLUDE USING gist (roster_version_id WITH =, person_id WITH =, during WITH &&)
);
CREATE INDEX assignments_person_ix ON assignments (person_id, starts_at);
