-- Generation jobs are durable: any worker process claims a queued job (FOR UPDATE SKIP LOCKED), keeps a heartbeat while
-- it runs, and a job whose heartbeat stops is retried elsewhere or failed with a reason. A subtree request is a parent
-- job ('subtree') over one 'unit' job per unit. At most one queued or running unit job per (period, unit).
ALTER TABLE roster_jobs
    ADD COLUMN kind          text        NOT NULL DEFAULT 'unit',
    ADD COLUMN parent_id     uuid        NULL,
    ADD COLUMN attempt       integer     NOT NULL DEFAULT 0,
    ADD COLUMN max_attempts  integer     NOT NULL DEFAULT 2,
    ADD COLUMN worker        text        NULL,
    ADD COLUMN claimed_at    timestamptz NULL,
    ADD COLUMN heartbeat_at  timestamptz NULL,
    ADD COLUMN stall_seconds real        NULL,
    ADD CONSTRAINT roster_jobs_kind_ck CHECK (kind IN ('unit', 'subtree')),
    ADD CONSTRAINT roster_jobs_parent_fk FOREIGN KEY (parent_id) REFERENCES roster_jobs (id) ON DELETE CASCADE;

-- Jobs of the in-memory queue that came before: whatever was left queued or running is gone with its process.
UPDATE roster_jobs SET status = 'failed', error = 'interrupted: the service was upgraded while the job waited; start it again',
    finished_at = now()
WHERE status IN ('queued', 'running');

CREATE UNIQUE INDEX roster_jobs_one_active_ux ON roster_jobs (period_id, unit_id) WHERE kind = 'unit' AND status IN ('queued', 'running');
CREATE INDEX roster_jobs_queued_ix ON roster_jobs (created_at) WHERE kind = 'unit' AND status = 'queued';
CREATE INDEX roster_jobs_running_ix ON roster_jobs (heartbeat_at) WHERE status = 'running';
CREATE INDEX roster_jobs_parent_ix ON roster_jobs (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX roster_jobs_requester_ix ON roster_jobs (requested_by) WHERE parent_id IS NULL AND status IN ('queued', 'running');

-- Wakes idle workers at once; they also poll, so a lost notification only delays a job by the poll interval.
CREATE FUNCTION roster_jobs_queued_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('roster_jobs_queued', '');
    RETURN NULL;
END $$;
CREATE TRIGGER roster_jobs_queued_tg AFTER INSERT OR UPDATE OF status ON roster_jobs
    FOR EACH ROW WHEN (NEW.status = 'queued' AND NEW.kind = 'unit') EXECUTE FUNCTION roster_jobs_queued_notify();
