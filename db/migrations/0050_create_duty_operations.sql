-- Day-to-day duty: per-unit settings, check-in/out, swaps, the duty log with incidents, daily reports and spot checks.

-- Per-unit duty settings; a unit without a row uses the defaults below.
CREATE TABLE duty_settings (
    unit_id                 uuid     NOT NULL,
    check_in_opens_before   interval NOT NULL DEFAULT interval '30 minutes',
    check_in_closes_after   interval NOT NULL DEFAULT interval '15 minutes',
    swap_needs_approval     boolean  NOT NULL DEFAULT true,
    version                 integer  NOT NULL DEFAULT 1,
    CONSTRAINT duty_settings_pk PRIMARY KEY (unit_id),
    CONSTRAINT duty_settings_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE,
    CONSTRAINT duty_settings_window_ck CHECK (check_in_opens_before >= interval '0' AND check_in_opens_before <= interval '24 hours'
        AND check_in_closes_after >= interval '0' AND check_in_closes_after <= interval '24 hours')
);

-- Report deadlines of a period, in each unit's own time zone.
ALTER TABLE periods
    ADD COLUMN daily_report_due     time    NOT NULL DEFAULT time '16:00',
    ADD COLUMN incident_ack_minutes integer NOT NULL DEFAULT 20,
    ADD CONSTRAINT periods_incident_ack_ck CHECK (incident_ack_minutes BETWEEN 1 AND 1440);

-- Confirmation of being on post (到岗) for a slot, and the check-out with the handover note.
CREATE TABLE check_ins (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id         uuid        NOT NULL,
    period_id       uuid        NOT NULL,
    slot_key        text        NOT NULL,
    person_id       uuid        NOT NULL,
    slot_starts_at  timestamptz NOT NULL,
    slot_ends_at    timestamptz NOT NULL,
    checked_in_at   timestamptz NOT NULL,
    late            boolean     NOT NULL,
    checked_out_at  timestamptz NULL,
    handover_note   text        NULL,
    recorded_by     uuid        NULL,
    CONSTRAINT check_ins_pk PRIMARY KEY (id),
    CONSTRAINT check_ins_slot_uq UNIQUE (unit_id, period_id, slot_key),
    CONSTRAINT check_ins_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT check_ins_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
    CONSTRAINT check_ins_person_fk FOREIGN KEY (person_id) REFERENCES people (id)
);
CREATE INDEX check_ins_unit_time_ix ON check_ins (unit_id, slot_starts_at);
