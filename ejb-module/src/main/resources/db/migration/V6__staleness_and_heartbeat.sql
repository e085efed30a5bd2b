-- Per-API staleness rule: what gateways do while their replica lags more than max_lag_seconds.
-- Both or neither (no rule: served whatever the lag). Existing APIs get none, so published
-- definitions keep their bytes and hashes.
ALTER TABLE apis
    ADD COLUMN staleness_max_lag_seconds integer,
    ADD COLUMN staleness_when_stale      varchar(8),
    ADD CONSTRAINT apis_staleness_complete CHECK (
        (staleness_max_lag_seconds IS NULL) = (staleness_when_stale IS NULL)),
    ADD CONSTRAINT apis_staleness_range CHECK (staleness_max_lag_seconds BETWEEN 1 AND 86400),
    ADD CONSTRAINT apis_staleness_action CHECK (staleness_when_stale IN ('SERVE', 'REJECT'));

-- The master's heartbeat: one row that the master rewrites every second with its clock. A gateway
-- reads it from its replica; how old the replayed beat is bounds how stale the replica's keys,
-- subscriptions and revocations can be (every commit before the beat has been replayed too).
CREATE TABLE replication_heartbeat (
    id      smallint    PRIMARY KEY CHECK (id = 1),
    beat_at timestamptz NOT NULL
);
INSERT INTO replication_heartbeat (id, beat_at) VALUES (1, now());
