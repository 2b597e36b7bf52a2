-- The client portal: a client record linked to a user account, invitations to link one, and the
-- organization's public join link for self sign-up.
CREATE TABLE client_accounts (
    org_id    UUID        NOT NULL,
    client_id UUID        NOT NULL,
    user_id   UUID        NOT NULL REFERENCES users (id),
    linked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, client_id),
    UNIQUE (org_id, user_id),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id) ON DELETE CASCADE
);
CREATE INDEX client_accounts_user_idx ON client_accounts (user_id);

CREATE TABLE client_portal_invitations (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL,
    client_id   UUID        NOT NULL,
    email       TEXT        NOT NULL,
    token_hash  TEXT        NOT NULL UNIQUE,
    expires_at  TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ,
    created_by  UUID        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id) ON DELETE CASCADE
);
CREATE INDEX client_portal_invitations_org_client_idx ON client_portal_invitations (org_id, client_id);

CREATE TABLE client_portal_settings (
    org_id     UUID        PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    join_code  TEXT        NOT NULL UNIQUE,
    enabled    BOOLEAN     NOT NULL DEFAULT true,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Onboarding: checklist templates per organization and each client's progress.
CREATE TABLE onboarding_steps (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    key        TEXT        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
    label      TEXT        NOT NULL,
    position   INT         NOT NULL DEFAULT 0,
    required   BOOLEAN     NOT NULL DEFAULT true,
    archived_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, key)
);

CREATE TABLE client_onboarding (
    org_id       UUID        NOT NULL,
    client_id    UUID        NOT NULL,
    step_id      UUID        NOT NULL REFERENCES onboarding_steps (id) ON DELETE CASCADE,
    completed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_by UUID,
    PRIMARY KEY (org_id, client_id, step_id),
    FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id) ON DELETE CASCADE
);
