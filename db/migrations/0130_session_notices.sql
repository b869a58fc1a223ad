-- Every API node caches each account's session (version, active, person, grants, unit tree revision) and drops the
-- cache when any of it changes on any node: 'roster_sessions' is notified (once per transaction: PostgreSQL folds equal
-- notifications) by every write that can change what the per-request session check reads. While a node's LISTEN
-- connection is down it reads the session from the database on every request.
CREATE FUNCTION roster_sessions_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('roster_sessions', '');
    RETURN NULL;
END $$;

CREATE TRIGGER accounts_sessions_tg AFTER UPDATE ON accounts FOR EACH ROW
    WHEN (OLD.session_version IS DISTINCT FROM NEW.session_version OR OLD.active IS DISTINCT FROM NEW.active
          OR OLD.person_id IS DISTINCT FROM NEW.person_id)
    EXECUTE FUNCTION roster_sessions_notify();
CREATE TRIGGER accounts_sessions_delete_tg AFTER DELETE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION roster_sessions_notify();
CREATE TRIGGER accounts_sessions_truncate_tg AFTER TRUNCATE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION roster_sessions_notify();
CREATE TRIGGER grants_sessions_tg AFTER INSERT OR UPDATE OR DELETE ON grants FOR EACH STATEMENT EXECUTE FUNCTION roster_sessions_notify();
CREATE TRIGGER grants_sessions_truncate_tg AFTER TRUNCATE ON grants FOR EACH STATEMENT EXECUTE FUNCTION roster_sessions_notify();
CREATE TRIGGER unit_tree_revision_sessions_tg AFTER UPDATE ON unit_tree_revision FOR EACH STATEMENT EXECUTE FUNCTION roster_sessions_notify();
