-- Events apps send (screen views, feature use), kept per organization for its retention period.
CREATE TABLE analytics_events (
    org_id      UUID        NOT NULL,
    id          UUID        NOT NULL,
    type        TEXT        NOT NULL CHECK (type ~ '^[a-z0-9][a-z0-9_.:-]{0,63}$'),
    properties  JSONB       NOT NULL DEFAULT '{}',
    occurred_at TIMESTAMPTZ NOT NULL,
    session_id  TEXT        CHECK (session_id IS NULL OR length(session_id) <= 100),
    user_id     UUID        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id)
);
CREATE INDEX analytics_events_org_time_idx ON analytics_events (org_id, occurred_at, type);

-- An organization's insights settings: how long app events are kept.
CREATE TABLE analytics_settings (
    org_id                UUID        PRIMARY KEY,
    event_retention_days  INT         NOT NULL DEFAULT 395 CHECK (event_retention_days BETWEEN 1 AND 3650),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
