-- Bureau oversight, part 2: required special inspections and patrols (专项检查 / 巡查), their tasks, and hazards (隐患 / 整改).

-- A requirement of a period for every unit under it (unit_id NULL) or for one unit: at least min_count inspections
-- of a kind per unit on duty dates window_first … window_last (both included), or, with patrol_shift, one patrol on each
-- such shift in the window. A unit still short lead_days before the window ends is flagged.
CREATE TABLE inspection_requirements (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    period_id     uuid        NOT NULL,
    unit_id       uuid        NULL,
    kind          text        NOT NULL,
    title         text        NOT NULL,
    checklist     jsonb       NOT NULL,
    min_count     integer     NOT NULL,
    window_first  date        NOT NULL,
    window_last   date        NOT NULL,
    patrol_shift  text        NULL,
    lead_days     integer     NOT NULL DEFAULT 2,
    created_at    timestamptz NOT NULL,
    created_by    uuid        NOT NULL,
    CONSTRAINT inspection_requirements_pk PRIMARY KEY (id),
    CONSTRAINT inspection_requirements_period_fk FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE,
    CONSTRAINT inspection_requirements_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT inspection_requirements_window_ck CHECK (window_first <= window_last),
    CONSTRAINT inspection_requirements_min_ck CHECK (min_count >= 0),
    CONSTRAINT inspection_requirements_lead_ck CHECK (lead_days BETWEEN 0 AND 60),
    CONSTRAINT inspection_requirements_checklist_ck CHECK (jsonb_typeof(checklist) = 'array')
);
CREATE INDEX inspection_requirements_period_ix ON inspection_requirements (period_id);

-- One inspection to do, by the person on an on-site slot of the unit's published roster, during that slot.
-- results: one entry per checklist item once done: {"item", "outcome": "ok" | "hazard", "note"}.
CREATE TABLE inspection_tasks (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    requirement_id  uuid        NOT NULL,
    unit_id         uuid        NOT NULL,
    period_id       uuid        NOT NULL,
    slot_key        text        NOT NULL,
    person_id       uuid        NOT NULL,
    duty_date       date        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    state           text        NOT NULL DEFAULT 'open',
    results         jsonb       NOT NULL DEFAULT '[]',
    done_at         timestamptz NULL,
    done_by         uuid        NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT inspection_tasks_pk PRIMARY KEY (id),
    CONSTRAINT inspection_tasks_requirement_fk FOREIGN KEY (requirement_id) REFERENCES inspection_requirements (id) ON DELETE CASCADE,
    CONSTRAINT inspection_tasks_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT inspection_tasks_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
    CONSTRAINT inspection_tasks_slot_uq UNIQUE (requirement_id, unit_id, slot_key),
    CONSTRAINT inspection_tasks_state_ck CHECK (state IN ('open', 'done')),
    CONSTRAINT inspection_tasks_results_ck CHECK (jsonb_typeof(results) = 'array')
);
CREATE INDEX inspection_tasks_unit_ix ON inspection_tasks (unit_id, period_id);

-- A hazard found by an inspection, tracked until rectified: who is responsible, by when, and when it was closed.
CREATE TABLE hazards (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    task_id       uuid        NOT NULL,
    unit_id       uuid        NOT NULL,
    period_id     uuid        NOT NULL,
    item          text        NOT NULL,
    note          text        NULL,
    found_at      timestamptz NOT NULL,
    owner         text        NULL,
    due_at        timestamptz NULL,
    closed_at     timestamptz NULL,
    closed_by     uuid        NULL,
    closing_note  text        NULL,
    CONSTRAINT hazards_pk PRIMARY KEY (id),
    CONSTRAINT hazards_task_fk FOREIGN KEY (task_id) REFERENCES inspection_tasks (id) ON DELETE CASCADE,
    CONSTRAINT hazards_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id)
);
CREATE INDEX hazards_unit_ix ON hazards (unit_id, period_id);
