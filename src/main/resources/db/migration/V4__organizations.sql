-- Tenants: a studio, practice or company.
CREATE TABLE organizations (
    id         UUID        PRIMARY KEY,
    name       TEXT        NOT NULL,
    timezone   TEXT        NOT NULL,
    currency   CHAR(3)     NOT NULL,
    country    CHAR(2)     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    version    BIGINT      NOT NULL DEFAULT 0
);

-- Staff membership and role; an organization always keeps at least one owner (enforced in code
-- under a row lock on the organization).
CREATE TABLE org_members (
    org_id     UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id    UUID        NOT NULL REFERENCES users (id),
    role       TEXT        NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'staff', 'front_desk')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_members_user_idx ON org_members (user_id);

CREATE TABLE locations (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL,
    timezone    TEXT        NOT NULL,
    line1       TEXT,
    line2       TEXT,
    city        TEXT,
    postal_code TEXT,
    region      TEXT,
    country     CHAR(2),
    archived_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version     BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX locations_org_idx ON locations (org_id, name) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX locations_org_id_key ON locations (org_id, id);

CREATE TABLE rooms (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL,
    location_id UUID        NOT NULL,
    name        TEXT        NOT NULL,
    capacity    INT         NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    archived_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, location_id) REFERENCES locations (org_id, id) ON DELETE CASCADE
);
CREATE INDEX rooms_org_location_idx ON rooms (org_id, location_id) WHERE archived_at IS NULL;

CREATE TABLE invitations (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email       TEXT        NOT NULL,
    role        TEXT        NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'staff', 'front_desk')),
    token_hash  TEXT        NOT NULL UNIQUE,
    invited_by  UUID        NOT NULL REFERENCES users (id),
    expires_at  TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ,
    accepted_by UUID,
    revoked_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX invitations_org_idx ON invitations (org_id, created_at DESC);
