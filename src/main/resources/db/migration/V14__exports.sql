-- Large exports run as jobs that end with a file; small ones stream straight back and leave no row.
CREATE TABLE exports (
    id           UUID        PRIMARY KEY,
    org_id       UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    type         TEXT        NOT NULL CHECK (type IN ('clients', 'visits', 'sales', 'memberships', 'bookings')),
    format       TEXT        NOT NULL CHECK (format IN ('csv', 'json')),
    filters      JSONB       NOT NULL DEFAULT '{}',
    status       TEXT        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
    row_count    BIGINT,
    file_id      UUID,
    error        TEXT,
    requested_by UUID,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at TIMESTAMPTZ
);

CREATE INDEX exports_org_created_idx ON exports (org_id, created_at DESC, id);
