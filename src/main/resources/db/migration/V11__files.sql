-- Files kept for an organization: uploads and generated exports and reports. The bytes live in the
-- configured storage (local folder or S3) under storage_key; this table is the index.
CREATE TABLE files (
    id           UUID        PRIMARY KEY,
    org_id       UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    purpose      TEXT        NOT NULL CHECK (purpose IN ('avatar', 'client_document', 'import', 'attachment',
                                                         'skin_image', 'export', 'report')),
    filename     TEXT        NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes >= 0),
    sha256       TEXT        NOT NULL,
    storage      TEXT        NOT NULL CHECK (storage IN ('local', 's3')),
    storage_key  TEXT        NOT NULL,
    created_by   UUID,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX files_org_created_idx ON files (org_id, created_at DESC, id);

-- The HMAC key of local signed download URLs: one per installation, shared by every node.
CREATE TABLE file_link_keys (
    id     SMALLINT PRIMARY KEY CHECK (id = 1),
    secret BYTEA    NOT NULL CHECK (length(secret) >= 32)
);

INSERT INTO file_link_keys (id, secret) VALUES (1, gen_random_bytes(32));
