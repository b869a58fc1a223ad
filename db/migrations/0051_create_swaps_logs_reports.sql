-- Swaps and give-aways (换班 / 代班) of published duties.
CREATE TABLE swap_requests (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    period_id          uuid        NOT NULL,
    unit_id            uuid        NOT NULL,
    slot_key           text        NOT NULL,
    from_person_id     uuid        NOT NULL,
    kind               text        NOT NULL,
    to_person_id       uuid        NULL,
    counter_slot_key   text        NULL,
    status             text        NOT NULL DEFAULT 'offered',
    note               text        NULL,
    created_by         uuid        NULL,
    created_at         timestamptz NOT NULL,
    accepted_at        timestamptz NULL,
    decided_by         uuid        NULL,
    decided_at         timestamptz NULL,
    version            integer     NOT NULL DEFAULT 1,
    CONSTRAINT swap_requests_pk PRIMARY KEY (id),
    CONSTRAINT swap_requests_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
    CONSTRAINT swap_requests_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT swap_requests_from_fk FOREIGN KEY (from_person_id) REFERENCES people (id),
    CONSTRAINT swap_requests_to_fk FOREIGN KEY (to_person_id) REFERENCES people (id),
    CONSTRAINT swap_requests_kind_ck CHECK (kind IN ('swap', 'giveaway')),
    CONSTRAINT swap_requests_status_ck CHECK (status IN ('offered', 'accepted', 'approved', 'rejected', 'cancelled'))
);
CREATE INDEX swap_requests_unit_ix ON swap_requests (unit_id, created_at DESC);
-- One open offer per duty.
CREATE UNIQUE INDEX swap_requests_open_ux ON swap_requests (period_id, unit_id, slot_key) WHERE status IN ('offered', 'accepted');

-- The duty log (值班记录): entries and incidents (突发事件). Entries are never changed or removed; a correction is a
-- new entry pointing at the one it corrects. An incident must be acknowledged by a supervisor within the period's limit.
CREATE TABLE duty_log_entries (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id         uuid        NOT NULL,
    period_id       uuid        NOT NULL,
    slot_key        text        NULL,
    kind            text        NOT NULL,
    category        text        NULL,
    severity        text        NULL,
    body            text        NOT NULL,
    actions_taken   text        NULL,
    incident_id     uuid        NULL,
    corrects_id     uuid        NULL,
    author_id       uuid        NOT NULL,
    person_id       uuid        NULL,
    created_at      timestamptz NOT NULL,
    ack_due_at      timestamptz NULL,
    CONSTRAINT duty_log_entries_pk PRIMARY KEY (id),
    CONSTRAINT duty_log_entries_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT duty_log_entries_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
    CONSTRAINT duty_log_entries_incident_fk FOREIGN KEY (incident_id) REFERENCES duty_log_entries (id),
    CONSTRAINT duty_log_entries_corrects_fk FOREIGN KEY (corrects_id) REFERENCES duty_log_entries (id),
    CONSTRAINT duty_log_entries_kind_ck CHECK (kind IN ('entry', 'incident', 'follow_up', 'correction')),
    CONSTRAINT duty_log_entries_incident_ck CHECK (kind <> 'incident' OR (category IS NOT NULL AND severity IS NOT NULL AND ack_due_at IS NOT NULL)),
    CONSTRAINT duty_log_entries_severity_ck CHECK (severity IS NULL OR severity IN ('low', 'medium', 'high', 'critical'))
);
CREATE INDEX duty_log_entries_unit_ix ON duty_log_entries (unit_id, created_at DESC);

CREATE FUNCTION duty_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'duty log entries are never changed or removed; append a correction instead'
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER duty_log_entries_append_only BEFORE UPDATE OR DELETE ON duty_log_entries
    FOR EACH ROW EXECUTE FUNCTION duty_log_is_append_only();

CREATE TABLE incident_acknowledgements (
    incident_id      uuid        NOT NULL,
    acknowledged_by  uuid        NOT NULL,
    acknowledged_at  timestamptz NOT NULL,
    late             boolean     NOT NULL,
    note             text        NULL,
    CONSTRAINT incident_acknowledgements_pk PRIMARY KEY (incident_id),
    CONSTRAINT incident_acknowledgements_incident_fk FOREIGN KEY (incident_id) REFERENCES duty_log_entries (id)
);

-- Daily reports (日报 / 零报告): one per unit and day of the period, due by the period's local deadline.
CREATE TABLE daily_reports (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id            uuid        NOT NULL,
    period_id          uuid        NOT NULL,
    day                date        NOT NULL,
    nothing_to_report  boolean     NOT NULL,
    body               text        NULL,
    filed_by           uuid        NOT NULL,
    filed_at           timestamptz NOT NULL,
    due_at             timestamptz NOT NULL,
    late               boolean     NOT NULL,
    CONSTRAINT daily_reports_pk PRIMARY KEY (id),
    CONSTRAINT daily_reports_day_uq UNIQUE (unit_id, period_id, day),
    CONSTRAINT daily_reports_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT daily_reports_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
    CONSTRAINT daily_reports_body_ck CHECK (nothing_to_report OR body IS NOT NULL)
);

-- Spot checks (随机抽查): a supervisor draws people on duty now and records whether each was reached on post.
CREATE TABLE spot_checks (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id       uuid        NOT NULL,
    requested_by  uuid        NOT NULL,
    at            timestamptz NOT NULL,
    seed          integer     NOT NULL,
    CONSTRAINT spot_checks_pk PRIMARY KEY (id),
    CONSTRAINT spot_checks_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id)
);

CREATE TABLE spot_check_items (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    spot_check_id  uuid        NOT NULL,
    unit_id        uuid        NOT NULL,
    period_id      uuid        NOT NULL,
    slot_key       text        NOT NULL,
    person_id      uuid        NOT NULL,
    phone          text        NULL,
    outcome        text        NULL,
    note           text        NULL,
    recorded_at    timestamptz NULL,
    recorded_by    uuid        NULL,
    CONSTRAINT spot_check_items_pk PRIMARY KEY (id),
    CONSTRAINT spot_check_items_check_fk FOREIGN KEY (spot_check_id) REFERENCES spot_checks (id) ON DELETE CASCADE,
    CONSTRAINT spot_check_items_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT spot_check_items_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT spot_check_items_outcome_ck CHECK (outcome IS NULL OR outcome IN ('on_post', 'elsewhere', 'not_reached'))
);
CREATE INDEX spot_check_items_unit_ix ON spot_check_items (unit_id);
