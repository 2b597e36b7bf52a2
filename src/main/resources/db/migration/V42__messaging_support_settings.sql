-- Per organization: where a client in crisis is told to find immediate help (else the server's setting).
CREATE TABLE support_settings (
    org_id      UUID        PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    crisis_line TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
