-- Throttling policies (the "tiers" table keeps its name: subscriptions, operations, applications
-- and APIs refer to a policy by name as their "tier"). Gateways read these columns from their
-- replica. The seeded rows keep their values and get no burst, no bandwidth limit and
-- per-datacenter quotas.
ALTER TABLE tiers
    ADD COLUMN burst_per_second       integer,
    ADD COLUMN bandwidth_bytes        bigint,
    ADD COLUMN bandwidth_unit_seconds integer,
    ADD COLUMN global_quota           boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT tiers_name_syntax CHECK (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    ADD CONSTRAINT tiers_unit_seconds_range CHECK (unit_seconds BETWEEN 1 AND 86400),
    -- A burst above the request count could never be reached (0 means no request limit).
    ADD CONSTRAINT tiers_burst_reachable CHECK (
        burst_per_second IS NULL
        OR (burst_per_second >= 1 AND (request_count = 0 OR burst_per_second <= request_count))),
    -- Both or neither (written with "=" because a CHECK that comes out NULL passes).
    ADD CONSTRAINT tiers_bandwidth_complete CHECK (
        (bandwidth_bytes IS NULL) = (bandwidth_unit_seconds IS NULL)),
    ADD CONSTRAINT tiers_bandwidth_range CHECK (
        bandwidth_bytes >= 1 AND bandwidth_unit_seconds BETWEEN 1 AND 86400);

-- The policy of an application (all its calls together) and of an API (all its consumers
-- together). Existing rows get Unlimited, so published definitions keep their bytes and hashes.
ALTER TABLE applications
    ADD COLUMN tier varchar(64) NOT NULL DEFAULT 'Unlimited' REFERENCES tiers (name);
ALTER TABLE apis
    ADD COLUMN tier varchar(64) NOT NULL DEFAULT 'Unlimited' REFERENCES tiers (name);
