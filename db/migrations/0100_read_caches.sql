-- Read caches in the API (access snapshots, the on-duty board, coverage) and what keeps them honest.

-- The unit tree's revision: a grant covers a subtree, so an account's units change when the tree does. Every request's
-- session check reads it with the account's grants, so a cached subtree is used only while both are unchanged.
CREATE TABLE unit_tree_revision (
    id        boolean PRIMARY KEY DEFAULT true,
    revision  bigint  NOT NULL DEFAULT 1,
    CONSTRAINT unit_tree_revision_one_ck CHECK (id)
);
INSERT INTO unit_tree_revision DEFAULT VALUES;

CREATE FUNCTION unit_tree_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE unit_tree_revision SET revision = revision + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER units_tree_tg AFTER INSERT OR DELETE OR UPDATE OF parent_id ON units
    FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_revision_bump();

-- Cached reads (on-duty board, coverage) are dropped on every node when a table they read changes: 'roster_reads' is
-- notified once per transaction (PostgreSQL folds equal notifications) by any statement that writes one.
CREATE FUNCTION roster_reads_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('roster_reads', '');
    RETURN NULL;
END $$;
CREATE TRIGGER units_reads_tg AFTER INSERT OR UPDATE OR DELETE ON units FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER people_reads_tg AFTER INSERT OR UPDATE OR DELETE ON people FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER periods_reads_tg AFTER INSERT OR UPDATE OR DELETE ON periods FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER shifts_reads_tg AFTER INSERT OR UPDATE OR DELETE ON shifts FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER holiday_calendars_reads_tg AFTER INSERT OR UPDATE OR DELETE ON holiday_calendars
    FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER roster_versions_reads_tg AFTER INSERT OR UPDATE OR DELETE ON roster_versions
    FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER assignments_reads_tg AFTER INSERT OR UPDATE OR DELETE ON assignments
    FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER check_ins_reads_tg AFTER INSERT OR UPDATE OR DELETE ON check_ins FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER gaps_reads_tg AFTER INSERT OR UPDATE OR DELETE ON gaps FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();
CREATE TRIGGER duty_settings_reads_tg AFTER INSERT OR UPDATE OR DELETE ON duty_settings
    FOR EACH STATEMENT EXECUTE FUNCTION roster_reads_notify();

-- The on-duty board looks up a version's assignments around an instant.
CREATE INDEX assignments_version_start_ix ON assignments (roster_version_id, starts_at);

-- Coverage keeps whole periods counted per published roster version: content_revision names the version's assignments
-- (any insert, update or delete of them moves it; the ETag's revision counts hand edits only and is left alone).
ALTER TABLE roster_versions ADD COLUMN content_revision bigint NOT NULL DEFAULT 1;

CREATE FUNCTION assignments_content_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE roster_versions SET content_revision = content_revision + 1
    WHERE id IN (SELECT DISTINCT roster_version_id FROM changed);
    RETURN NULL;
END $$;
CREATE TRIGGER assignments_content_insert_tg AFTER INSERT ON assignments
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assignments_content_bump();
CREATE TRIGGER assignments_content_update_tg AFTER UPDATE ON assignments
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assignments_content_bump();
CREATE TRIGGER assignments_content_delete_tg AFTER DELETE ON assignments
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assignments_content_bump();
