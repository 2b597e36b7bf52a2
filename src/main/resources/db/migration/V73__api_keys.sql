-- API keys for machine clients (identity): shown once, stored as the SHA-256 of the key (hex). A key acts for the member
-- who made it, with its scopes and no more than that member's current role.
CREATE TABLE api_keys (
    id           UUID        PRIMARY KEY,
    org_id       UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    prefix       TEXT        NOT NULL,
    key_hash     TEXT        NOT NULL UNIQUE,
    scopes       TEXT[]      NOT NULL,
    created_by   UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   UUID,
    last_used_at TIMESTAMPTZ,
    last_used_ip TEXT
);
CREATE INDEX api_keys_org_idx ON api_keys (org_id, id DESC);

