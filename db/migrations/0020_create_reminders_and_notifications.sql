-- Per-unit reminder settings: offsets before a shift's start (minutes, 0 < offset <= 7 days), the handover lead time
-- before its end, and optional message templates (placeholders: {person} {unit} {shift} {role} {start} {end} {offset}).
CREATE TABLE unit_reminder_settings (
    unit_id           uuid        NOT NULL,
    offsets_minutes   integer[]   NOT NULL DEFAULT '{1440,60}',
    handover_minutes  integer     NOT NULL DEFAULT 30,
    template_zh       text        NULL,
    template_en       text        NULL,
    version           integer     NOT NULL DEFAULT 1,
    CONSTRAINT unit_reminder_settings_pk PRIMARY KEY (unit_id),
    CONSTRAINT unit_reminder_settings_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE,
    CONSTRAINT unit_reminder_settings_handover_ck CHECK (handover_minutes BETWEEN 0 AND 10080)
);

-- One reminder per (unit, period, slot, person, kind, offset): the key survives republishing, so a new version
-- that keeps a person in a slot keeps the reminder (and does not send it again).
-- status: pending → dispatched (notifications written) | missed (due while no scheduler ran and the shift had started)
--         | cancelled (the assignment went away).
CREATE TABLE reminders (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id            uuid        NOT NULL,
    period_id          uuid        NOT NULL,
    reminder_key       text        NOT NULL,
    kind               text        NOT NULL,
    person_id          uuid        NOT NULL,
    roster_version_id  uuid        NOT NULL,
    slot_key           text        NOT NULL,
    shift_code         text        NOT NULL,
    role               text        NOT NULL,
    offset_minutes     integer     NOT NULL,
    shift_starts_at    timestamptz NOT NULL,
    shift_ends_at      timestamptz NOT NULL,
    due_at             timestamptz NOT NULL,
    next_person_id     uuid        NULL,
    status             text        NOT NULL DEFAULT 'pending',
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    dispatched_at      timestamptz NULL,
    CONSTRAINT reminders_pk PRIMARY KEY (id),
    CONSTRAINT reminders_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT reminders_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
    CONSTRAINT reminders_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT reminders_key_uq UNIQUE (unit_id, period_id, reminder_key),
    CONSTRAINT reminders_kind_ck CHECK (kind IN ('shift', 'handover')),
    CONSTRAINT reminders_status_ck CHECK (status IN ('pending', 'dispatched', 'missed', 'cancelled'))
);
-- The dispatcher's question: which pending reminders are due?
CREATE INDEX reminders_due_ix ON reminders (due_at) WHERE status = 'pending';

-- Per-person channel choice; no row means the defaults (inbox and email).
CREATE TABLE notification_preferences (
    person_id  uuid    NOT NULL,
    channels   text[]  NOT NULL,
    CONSTRAINT notification_preferences_pk PRIMARY KEY (person_id),
    CONSTRAINT notification_preferences_person_fk FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE,
    CONSTRAINT notification_preferences_channels_ck CHECK (channels <@ ARRAY['inbox', 'email']::text[])
);

-- A unit's webhook targets (group robots). format: generic JSON signed with HMAC-SHA256, or a robot's own format.
CREATE TABLE webhook_targets (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    unit_id     uuid        NOT NULL,
    name        text        NOT NULL,
    format      text        NOT NULL,
    url         text        NOT NULL,
    secret      text        NULL,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    CONSTRAINT webhook_targets_pk PRIMARY KEY (id),
    CONSTRAINT webhook_targets_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE,
    CONSTRAINT webhook_targets_format_ck CHECK (format IN ('generic', 'wecom', 'dingtalk', 'feishu'))
);
CREATE INDEX webhook_targets_unit_ix ON webhook_targets (unit_id);

-- The outbox: one row per (recipient, channel, reason, key), written in the transaction of its cause.
-- idempotency_key is sent to the receiver (header, Message-Id) so a re-send after a crash is recognisable.
-- status: pending → sent | failed (after the last attempt).
CREATE TABLE notifications (
    id                 bigint      GENERATED ALWAYS AS IDENTITY,
    idempotency_key    text        NOT NULL,
    unit_id            uuid        NOT NULL,
    channel            text        NOT NULL,
    reason             text        NOT NULL,
    subject_key        text        NOT NULL,
    person_id          uuid        NULL,
    account_id         uuid        NULL,
    webhook_target_id  uuid        NULL,
    address            text        NULL,
    title              text        NOT NULL,
    body               text        NOT NULL,
    data               jsonb       NOT NULL DEFAULT '{}',
    due_at             timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    status             text        NOT NULL DEFAULT 'pending',
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    enqueued_at        timestamptz NULL,
    sent_at            timestamptz NULL,
    last_error         text        NULL,
    read_at            timestamptz NULL,
    CONSTRAINT notifications_pk PRIMARY KEY (id),
    CONSTRAINT notifications_key_uq UNIQUE (idempotency_key),
    CONSTRAINT notifications_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT notifications_webhook_fk FOREIGN KEY (webhook_target_id) REFERENCES webhook_targets (id) ON DELETE SET NULL,
    CONSTRAINT notifications_channel_ck CHECK (channel IN ('inbox', 'email', 'webhook')),
    CONSTRAINT notifications_status_ck CHECK (status IN ('pending', 'sent', 'failed'))
);
CREATE INDEX notifications_pending_ix ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_person_ix ON notifications (person_id, id) WHERE channel = 'inbox';
CREATE INDEX notifications_account_ix ON notifications (account_id, id) WHERE channel = 'inbox';
CREATE INDEX notifications_unit_ix ON notifications (unit_id, id);

-- Every delivery attempt, for the admins' delivery log.
CREATE TABLE notification_attempts (
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    notification_id  bigint      NOT NULL,
    attempt          integer     NOT NULL,
    at               timestamptz NOT NULL,
    succeeded        boolean     NOT NULL,
    detail           text        NULL,
    instance         text        NOT NULL,
    CONSTRAINT notification_attempts_pk PRIMARY KEY (id),
    CONSTRAINT notification_attempts_notification_fk FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE CASCADE
);
CREATE INDEX notification_attempts_notification_ix ON notification_attempts (notification_id, attempt);
