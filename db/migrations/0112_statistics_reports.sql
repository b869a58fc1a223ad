-- The monthly duty statistics of a unit for finance. A month is a draft (computed on read) until the unit's admin
-- confirms it: the figures are then frozen in snapshot, and later changes show as corrections against them.
CREATE TABLE statistics_reports (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id       uuid        NOT NULL,
    month         date        NOT NULL,
    state         text        NOT NULL DEFAULT 'confirmed',
    snapshot      jsonb       NOT NULL,
    confirmed_at  timestamptz NOT NULL,
    confirmed_by  uuid        NOT NULL,
    version       integer     NOT NULL DEFAULT 1,
    CONSTRAINT statistics_reports_pk PRIMARY KEY (id),
    CONSTRAINT statistics_reports_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE,
    CONSTRAINT statistics_reports_month_uq UNIQUE (unit_id, month),
    CONSTRAINT statistics_reports_month_ck CHECK (extract(day FROM month) = 1),
    CONSTRAINT statistics_reports_state_ck CHECK (state IN ('confirmed')),
    CONSTRAINT statistics_reports_snapshot_ck CHECK (jsonb_typeof(snapshot) = 'object')
);
