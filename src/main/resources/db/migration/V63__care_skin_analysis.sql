-- Skin analyses: what the pixels of a client's photos show (quality, redness, evenness, brightness, shine), compared
-- with the client's previous analysis, and the organization's services and programs the measures point to.
CREATE TABLE skin_analyses (
    id              UUID        PRIMARY KEY,
    org_id          UUID        NOT NULL,
    client_id       UUID        NOT NULL,
    image_file_ids  UUID[]      NOT NULL,
    metadata        JSONB       NOT NULL DEFAULT '{}',
    status          TEXT        NOT NULL CHECK (status IN ('queued', 'done', 'refused', 'failed')),
    result          JSONB,
    reason          TEXT,
    created_by      UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    done_at         TIMESTAMPTZ
);
CREATE INDEX skin_analyses_client_idx ON skin_analyses (org_id, client_id, created_at DESC);
