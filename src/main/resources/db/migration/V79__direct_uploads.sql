-- Direct uploads: a signed URL lets a phone put a file straight into storage; the upload becomes a file
-- once its uploader confirms it (type and size checked then). Unconfirmed ones are cleaned up.
CREATE TABLE pending_uploads (
    id            UUID        PRIMARY KEY,
    org_id        UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    created_by    UUID        NOT NULL,
    client_id     UUID,
    purpose       TEXT        NOT NULL,
    filename      TEXT        NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type  TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL CHECK (size_bytes > 0),
    storage       TEXT        NOT NULL CHECK (storage IN ('local', 's3')),
    storage_key   TEXT        NOT NULL UNIQUE,
    expires_at    TIMESTAMPTZ NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX pending_uploads_expires_idx ON pending_uploads (expires_at);
