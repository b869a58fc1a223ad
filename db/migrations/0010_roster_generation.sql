-- Generation and hand editing of rosters: where a version came from, what stayed empty and why, forced edits,
-- and background generation jobs. At most one draft and one published version per unit and period.
ALTER TABLE roster_versions
    ADD COLUMN based_on_id   uuid  NULL,
    ADD COLUMN job_id        uuid  NULL,
    ADD COLUMN unfilled      jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN score         jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN published_by  uuid  NULL,
    ADD CONSTRAINT roster_versions_based_on_fk FOREIGN KEY (based_on_id) REFERENCES roster_versions (id);
CREATE UNIQUE INDEX roster_versions_one_draft_ux ON roster_versions (period_id, unit_id) WHERE status = 'draft';
CREATE UNIQUE INDEX roster_versions_one_published_ux ON roster_versions (period_id, unit_id) WHERE status = 'published';

-- A forced edit breaks a hard rule on purpose; the reason is kept with the assignment and in the audit log.
-- Overlap is never forced: assignments_no_overlap_ex still holds.
ALTER TABLE assignments
    ADD COLUMN forced        boolean NOT NULL DEFAULT false,
    ADD COLUMN force_reason  text    NULL;

CREATE TABLE roster_jobs (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    period_id      uuid        NOT NULL,
    unit_id        uuid        NOT NULL,
    status         text        NOT NULL DEFAULT 'queued',
    progress       real        NOT NULL DEFAULT 0,
    seed           integer     NOT NULL DEFAULT 0,
    seconds        real        NOT NULL DEFAULT 5,
    iterations     bigint      NULL,
    requested_by   uuid        NULL,
    created_at     timestamptz NOT NULL,
    started_at     timestamptz NULL,
    finished_at    timestamptz NULL,
    version_id     uuid        NULL,
    error          text        NULL,
    statistics     jsonb       NULL,
    CONSTRAINT roster_jobs_pk PRIMARY KEY (id),
    CONSTRAINT roster_jobs_period_fk FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE,
    CONSTRAINT roster_jobs_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT roster_jobs_version_fk FOREIGN KEY (version_id) REFERENCES roster_versions (id) ON DELETE SET NULL,
    CONSTRAINT roster_jobs_status_ck CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);
CREATE INDEX roster_jobs_unit_ix ON roster_jobs (unit_id, created_at DESC);
