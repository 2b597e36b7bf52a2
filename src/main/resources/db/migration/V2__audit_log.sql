-- The audit trail: one row per change. Rows survive the erasure of the user who made them.
CREATE TABLE audit_log (
    id          UUID        PRIMARY KEY,
    org_id      UUID,
    actor_id    UUID,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT,
    changes     JSONB       NOT NULL DEFAULT '{}',
    ip          TEXT,
    user_agent  TEXT,
    request_id  TEXT,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_org_idx ON audit_log (org_id, id DESC);
CREATE INDEX audit_log_org_entity_idx ON audit_log (org_id, entity_type, entity_id, id DESC);
CREATE INDEX audit_log_org_actor_idx ON audit_log (org_id, actor_id, id DESC);
CREATE INDEX audit_log_org_time_idx ON audit_log (org_id, occurred_at);
