-- Traffic per API, per datacenter, per gateway node and per UTC minute, as the gateways report it
-- (cumulative for the minute: a later report of the same minute replaces the row unless it counts
-- fewer requests, so a redelivered old report never rolls figures back). Rows older than
-- meridian.traffic.retention-days are deleted every hour; deleting an API deletes its traffic.
CREATE TABLE api_traffic (
    api_id        varchar(36)      NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    minute        timestamptz      NOT NULL,
    datacenter    varchar(64)      NOT NULL,
    node          varchar(128)     NOT NULL,
    requests      bigint           NOT NULL CHECK (requests >= 0),
    client_errors bigint           NOT NULL CHECK (client_errors >= 0),
    server_errors bigint           NOT NULL CHECK (server_errors >= 0),
    p95_millis    double precision NOT NULL CHECK (p95_millis >= 0),
    received_at   timestamptz      NOT NULL,
    -- The API and the minute first: the chart reads one API's last minutes.
    PRIMARY KEY (api_id, minute, datacenter, node)
);
-- For the hourly retention delete.
CREATE INDEX api_traffic_minute ON api_traffic (minute);
