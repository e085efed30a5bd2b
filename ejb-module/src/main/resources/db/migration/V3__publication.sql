-- Publication to datacenters: an outbox written with each lifecycle change, the artifacts the
-- manifest lists, the keys that sign them, and what each datacenter's gateways acknowledged.

CREATE TABLE publication_outbox (
    id                BIGSERIAL PRIMARY KEY,
    api_id            VARCHAR(36)  NOT NULL,
    revision          INTEGER      NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    requested_at      TIMESTAMPTZ  NOT NULL,
    published_at      TIMESTAMPTZ,
    artifact_sha256   CHAR(64),
    announced_at      TIMESTAMPTZ,
    lsn               VARCHAR(32),
    attempts          INTEGER      NOT NULL DEFAULT 0,
    last_error        VARCHAR(512)
);
CREATE INDEX publication_outbox_pending ON publication_outbox (id) WHERE published_at IS NULL;
CREATE INDEX publication_outbox_unannounced ON publication_outbox (id) WHERE announced_at IS NULL;

-- The current artifact of every API gateways serve; the manifest is this table at a revision.
CREATE TABLE deployed_artifacts (
    api_id            VARCHAR(36)  PRIMARY KEY,
    revision          INTEGER      NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    sha256            CHAR(64)     NOT NULL,
    manifest_revision BIGINT       NOT NULL,
    published_at      TIMESTAMPTZ  NOT NULL
);

CREATE TABLE manifest_state (
    id                INTEGER      PRIMARY KEY CHECK (id = 1),
    revision          BIGINT       NOT NULL,
    published_at      TIMESTAMPTZ  NOT NULL
);

-- Ed25519 keys that sign artifacts and manifests. The private key is encrypted like the token
-- signing keys (this table replicates to every read-only DC, which needs only the public key).
CREATE TABLE artifact_signing_keys (
    kid               VARCHAR(64)  PRIMARY KEY,
    public_key        TEXT         NOT NULL,
    private_key       TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL
);

CREATE TABLE datacenter_deployments (
    datacenter        VARCHAR(64)  NOT NULL,
    node              VARCHAR(128) NOT NULL,
    api_id            VARCHAR(36)  NOT NULL,
    revision          INTEGER      NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    sha256            CHAR(64)     NOT NULL,
    manifest_revision BIGINT       NOT NULL,
    activated_at      TIMESTAMPTZ  NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL,
    lag_millis        BIGINT,
    PRIMARY KEY (datacenter, node, api_id)
);
