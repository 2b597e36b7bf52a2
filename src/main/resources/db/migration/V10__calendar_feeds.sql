-- Secret, revocable iCalendar feed URLs for a staff member or a client; only the token's digest is kept.
CREATE TABLE calendar_feeds (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    owner_type  TEXT        NOT NULL CHECK (owner_type IN ('staff', 'client')),
    owner_id    UUID        NOT NULL,
    token_hash  TEXT        NOT NULL UNIQUE,
    created_by  UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX calendar_feeds_org_owner_idx ON calendar_feeds (org_id, owner_type, owner_id);
