-- Typed settings documents: an organization's branding and locale (its profile stays in organizations),
-- and a user's own display settings beside their preferences. Each is validated against its record
-- before it is stored; a missing row means the defaults.
CREATE TABLE organization_settings (
    org_id     UUID        PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    branding   JSONB       NOT NULL,
    locale     JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_settings (
    user_id    UUID        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    settings   JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
