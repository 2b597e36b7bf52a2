-- Outgoing webhooks (Standard Webhooks): endpoints an organization registers, one delivery per event
-- and endpoint (its id is the webhook-id, stable across retries), and every attempt.
CREATE TABLE webhook_endpoints (
    id                       UUID        PRIMARY KEY,
    org_id                   UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    url                      TEXT        NOT NULL,
    description              TEXT,
    event_types              TEXT[]      NOT NULL,
    enabled                  BOOLEAN     NOT NULL DEFAULT true,
    disabled_reason          TEXT,
    secret                   TEXT        NOT NULL,
    previous_secret          TEXT,
    previous_secret_until    TIMESTAMPTZ,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, id)
);
CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id, id);

CREATE TABLE webhook_deliveries (
    id               UUID        PRIMARY KEY,
    org_id           UUID        NOT NULL,
    endpoint_id      UUID        NOT NULL,
    event_type       TEXT        NOT NULL,
    dedupe_key       TEXT        NOT NULL,
    payload          TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_status_code INT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    UNIQUE (endpoint_id, dedupe_key),
    FOREIGN KEY (org_id, endpoint_id) REFERENCES webhook_endpoints (org_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (org_id, endpoint_id, id DESC);

CREATE TABLE webhook_attempts (
    id           UUID        PRIMARY KEY,
    org_id       UUID        NOT NULL,
    delivery_id  UUID        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      INT         NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INT,
    duration_ms  INT         NOT NULL,
    error        TEXT
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempt);
