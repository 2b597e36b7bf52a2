-- Mindbody sync: an organization connects its Mindbody site (the API key and the staff user token sealed
-- at rest), then syncs clients, visits, memberships and sales incrementally through the importer.
CREATE TABLE mindbody_connections (
    org_id          UUID        PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    site_id         TEXT        NOT NULL CHECK (site_id ~ '^-?[0-9]{1,10}$'),
    api_key         BYTEA       NOT NULL,
    staff_token     BYTEA       NOT NULL,
    webhook_key     BYTEA,
    connected_by    UUID        NOT NULL,
    synced_through  JSONB       NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX mindbody_connections_site_idx ON mindbody_connections (site_id);

CREATE TABLE mindbody_syncs (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    requested_by UUID       NOT NULL,
    trigger     TEXT        NOT NULL CHECK (trigger IN ('request', 'webhook')),
    status      TEXT        NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
    steps       JSONB       NOT NULL DEFAULT '[]',
    error       TEXT,
    requests    INT         NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);

CREATE INDEX mindbody_syncs_org_idx ON mindbody_syncs (org_id, created_at DESC);
