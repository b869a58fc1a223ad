-- Every write: who, when, what, before and after. Written in the same transaction as the change.
CREATE TABLE audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL,
    actor_id    uuid        NULL,
    unit_id     uuid        NULL,
    entity      text        NOT NULL,
    entity_id   text        NOT NULL,
    action      text        NOT NULL,
    before      jsonb       NULL,
    after       jsonb       NULL,
    CONSTRAINT audit_log_pk PRIMARY KEY (id)
);
CREATE INDEX audit_log_unit_ix ON audit_log (unit_id, id DESC);
CREATE INDEX audit_log_entity_ix ON audit_log (entity, entity_id, id DESC);
