-- Bureau oversight, part 1: rosters submitted up the tree for approval (报备 / 审批 / 退回), and oversight flags.

-- A period may require each unit's roster to be approved by the unit above before it is published, and submitted
-- by a deadline (an instant; the API shows it in the declaring unit's zone).
ALTER TABLE periods
    ADD COLUMN requires_approval boolean     NOT NULL DEFAULT false,
    ADD COLUMN submission_due    timestamptz NULL;

-- One submission of a unit's draft roster. The assignments are kept as they were submitted (slot key → person), so an
-- approval can tell whether the draft changed since, and a resubmission can show what changed since the return.
CREATE TABLE roster_submissions (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    period_id            uuid        NOT NULL,
    unit_id              uuid        NOT NULL,
    roster_version_id    uuid        NOT NULL,
    number               integer     NOT NULL,
    state                text        NOT NULL DEFAULT 'submitted',
    snapshot             jsonb       NOT NULL,
    note                 text        NULL,
    submitted_at         timestamptz NOT NULL,
    submitted_by         uuid        NOT NULL,
    decided_at           timestamptz NULL,
    decided_by           uuid        NULL,
    decision_note        text        NULL,
    comments             jsonb       NOT NULL DEFAULT '[]',
    published_version_id uuid        NULL,
    CONSTRAINT roster_submissions_pk PRIMARY KEY (id),
    CONSTRAINT roster_submissions_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
    CONSTRAINT roster_submissions_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT roster_submissions_number_uq UNIQUE (period_id, unit_id, number),
    CONSTRAINT roster_submissions_state_ck CHECK (state IN ('submitted', 'returned', 'approved', 'withdrawn')),
    CONSTRAINT roster_submissions_snapshot_ck CHECK (jsonb_typeof(snapshot) = 'object'),
    CONSTRAINT roster_submissions_comments_ck CHECK (jsonb_typeof(comments) = 'array')
);
-- At most one submission of a unit waits for a decision at a time; submitting a changed draft withdraws the pending one.
CREATE UNIQUE INDEX roster_submissions_pending_uq ON roster_submissions (period_id, unit_id) WHERE state = 'submitted';

-- Oversight flags: a unit behind on something the unit above watches (a missed submission deadline, inspections
-- behind their minimum, an overdue hazard). Kept apart from coverage gaps; detected lazily on read and by a scan.
-- subject names what the flag is about within the unit and period ('' for the submission, else a requirement or hazard id).
CREATE TABLE oversight_flags (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    kind       text        NOT NULL,
    unit_id    uuid        NOT NULL,
    period_id  uuid        NOT NULL,
    subject    text        NOT NULL DEFAULT '',
    detail     text        NULL,
    opened_at  timestamptz NOT NULL,
    closed_at  timestamptz NULL,
    CONSTRAINT oversight_flags_pk PRIMARY KEY (id),
    CONSTRAINT oversight_flags_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT oversight_flags_period_fk FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE,
    CONSTRAINT oversight_flags_kind_ck CHECK (kind IN ('submission_overdue', 'inspections_behind', 'hazard_overdue')),
    CONSTRAINT oversight_flags_order_ck CHECK (closed_at IS NULL OR closed_at >= opened_at)
);
CREATE UNIQUE INDEX oversight_flags_open_uq ON oversight_flags (kind, unit_id, period_id, subject) WHERE closed_at IS NULL;
CREATE INDEX oversight_flags_unit_ix ON oversight_flags (unit_id, period_id);

-- On-site or reachable duty per role of a shift: role → 'on_site' | 'reachable'; a role not listed is on site.
ALTER TABLE shifts
    ADD COLUMN presence jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT shifts_presence_object_ck CHECK (jsonb_typeof(presence) = 'object');
