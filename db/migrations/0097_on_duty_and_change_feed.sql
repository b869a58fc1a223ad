-- The duty office's phone of a unit (值班室电话), shown on the on-duty board.
ALTER TABLE units
    ADD COLUMN duty_phone text NULL,
    ADD CONSTRAINT units_duty_phone_ck CHECK (duty_phone IS NULL OR length(duty_phone) BETWEEN 1 AND 40);

-- Pushed updates: every change that moves the heat map, the gap list or the on-duty board NOTIFYs 'roster_changes'
-- with "<unit id> <kind>" when its transaction commits (PostgreSQL folds duplicates within one transaction). Every API
-- node LISTENs once and fans the events out to its Server-Sent Events streams.
CREATE FUNCTION roster_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unit uuid;
BEGIN
    IF TG_OP = 'DELETE' THEN
        unit := OLD.unit_id;
    ELSE
        unit := NEW.unit_id;
    END IF;
    PERFORM pg_notify('roster_changes', unit::text || ' ' || TG_ARGV[0]);
    RETURN NULL;
END $$;

CREATE TRIGGER roster_versions_published_tg AFTER INSERT ON roster_versions
    FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION roster_change_notify('roster');
CREATE TRIGGER roster_versions_status_tg AFTER UPDATE OF status ON roster_versions
    FOR EACH ROW WHEN (OLD.status = 'published' OR NEW.status = 'published') EXECUTE FUNCTION roster_change_notify('roster');
CREATE TRIGGER roster_versions_deleted_tg AFTER DELETE ON roster_versions
    FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION roster_change_notify('roster');
CREATE TRIGGER check_ins_change_tg AFTER INSERT OR UPDATE OR DELETE ON check_ins
    FOR EACH ROW EXECUTE FUNCTION roster_change_notify('check-in');
CREATE TRIGGER gaps_change_tg AFTER INSERT OR UPDATE OR DELETE ON gaps
    FOR EACH ROW EXECUTE FUNCTION roster_change_notify('gap');
CREATE TRIGGER people_change_tg AFTER UPDATE OF name, phone, active ON people
    FOR EACH ROW EXECUTE FUNCTION roster_change_notify('person');

-- Assignments of a published roster changed in place (a swap): one notification per unit, per statement.
CREATE FUNCTION assignments_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('roster_changes', u.unit_id::text || ' roster')
    FROM (SELECT DISTINCT v.unit_id FROM changed c JOIN roster_versions v ON v.id = c.roster_version_id
          WHERE v.status = 'published') u;
    RETURN NULL;
END $$;
CREATE TRIGGER assignments_change_tg AFTER UPDATE ON assignments
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assignments_change_notify();

CREATE FUNCTION units_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('roster_changes', NEW.id::text || ' unit');
    RETURN NULL;
END $$;
CREATE TRIGGER units_change_tg AFTER UPDATE OF name, name_en, duty_phone ON units
    FOR EACH ROW EXECUTE FUNCTION units_change_notify();
