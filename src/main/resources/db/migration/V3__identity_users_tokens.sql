-- Users: one account per person, across every organization they belong to.
CREATE TABLE users (
    id                UUID        PRIMARY KEY,
    email             TEXT,
    email_normalized  TEXT,
    password_hash     TEXT,
    first_name        TEXT        NOT NULL,
    last_name         TEXT        NOT NULL,
    phone             TEXT,
    avatar_file_id    UUID,
    birth_date        DATE,
    gender            TEXT,
    timezone          TEXT,
    language          TEXT,
    email_verified_at TIMESTAMPTZ,
    erased_at         TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email_normalized_key ON users (email_normalized);

CREATE TABLE user_preferences (
    user_id       UUID        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    theme         TEXT        NOT NULL DEFAULT 'system',
    font_size     TEXT        NOT NULL DEFAULT 'medium',
    notifications JSONB       NOT NULL DEFAULT '{}',
    settings      JSONB       NOT NULL DEFAULT '{}',
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Refresh tokens: stored as SHA-256 digests, rotated on every use. A family is one sign-in;
-- presenting a spent token revokes the whole family.
CREATE TABLE refresh_tokens (
    id          UUID        PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   UUID        NOT NULL,
    token_hash  TEXT        NOT NULL UNIQUE,
    org_id      UUID,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    spent_at    TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Single-use tokens sent by email: password reset and email verification.
CREATE TABLE one_time_tokens (
    id         UUID        PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
    token_hash TEXT        NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose);

-- Signing keys for access tokens, shared by every node; public halves are published as a JWK set.
CREATE TABLE jwt_signing_keys (
    kid         TEXT        PRIMARY KEY,
    private_key BYTEA       NOT NULL,
    public_key  BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    retired_at  TIMESTAMPTZ
);
