-- Every outcome recorded for a spot-check item, in order: recording again keeps the earlier ones.
CREATE TABLE spot_check_outcomes (
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    item_id       uuid        NOT NULL,
    outcome       text        NOT NULL,
    note          text        NULL,
    recorded_by   uuid        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    CONSTRAINT spot_check_outcomes_pk PRIMARY KEY (id),
    CONSTRAINT spot_check_outcomes_item_fk FOREIGN KEY (item_id) REFERENCES spot_check_items (id) ON DELETE CASCADE,
    CONSTRAINT spot_check_outcomes_outcome_ck CHECK (outcome IN ('on_post', 'elsewhere', 'not_reached'))
);
CREATE INDEX spot_check_outcomes_item_ix ON spot_check_outcomes (item_id, id);
