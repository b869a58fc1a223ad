-- Coverage gaps. A gap is open while resolved_at is null; at most one open gap per (unit, kind, key), so a gap is
-- opened (and notified) once. kind: unfilled | unavailable | conflict | missed_check_in | late_report.
CREATE TABLE gaps (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id        uuid        NOT NULL,
    period_id      uuid        NULL,
    kind           text        NOT NULL,
    gap_key        text        NOT NULL,
    slot_key       text        NULL,
    role           text        NULL,
    person_id      uuid        NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    detail         text        NOT NULL DEFAULT '',
    first_seen_at  timestamptz NOT NULL,
    resolved_at    timestamptz NULL,
    CONSTRAINT gaps_pk PRIMARY KEY (id),
    CONSTRAINT gaps_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT gaps_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
    CONSTRAINT gaps_kind_ck CHECK (kind IN ('unfilled', 'unavailable', 'conflict', 'missed_check_in', 'late_report')),
    CONSTRAINT gaps_order_ck CHECK (starts_at < ends_at)
);
CREATE UNIQUE INDEX gaps_open_uq ON gaps (unit_id, kind, gap_key) WHERE resolved_at IS NULL;
CREATE INDEX gaps_unit_time_ix ON gaps (unit_id, starts_at, id);
