-- Messages staff send to one client, a list, or a segment of the client list; the deliveries and in-app
-- notifications they become carry the broadcast as their entity, so its counts are read off them.
CREATE TABLE notification_broadcasts (
    id           UUID        PRIMARY KEY,
    org_id       UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    title        TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    audience     JSONB       NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
    targeted     INT         NOT NULL DEFAULT 0,
    created_by   UUID,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at TIMESTAMPTZ,
    UNIQUE (org_id, id)
);

ALTER TABLE notification_deliveries ADD COLUMN entity_id UUID;
CREATE INDEX notification_deliveries_entity_idx ON notification_deliveries (org_id, entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX notifications_entity_idx ON notifications (org_id, entity_id) WHERE entity_id IS NOT NULL;
