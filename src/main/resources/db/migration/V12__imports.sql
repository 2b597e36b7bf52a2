-- Imports from other systems: one row per job, its row-level errors and warnings, and the map from
-- the other system's ids to ours that makes a second import of the same file change nothing.
CREATE TABLE imports (
    id               UUID        PRIMARY KEY,
    org_id           UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind             TEXT        NOT NULL CHECK (kind IN ('clients', 'staff', 'classes', 'visits', 'sales',
                                                          'memberships', 'pricing_options')),
    status           TEXT        NOT NULL DEFAULT 'queued'
                                 CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled')),
    phase            TEXT,
    dry_run          BOOLEAN     NOT NULL DEFAULT false,
    file_id          UUID        NOT NULL,
    filename         TEXT,
    requested_mapping JSONB      NOT NULL DEFAULT '{}',
    date_order       TEXT        CHECK (date_order IN ('MDY', 'DMY')),
    mapping          JSONB,
    detected         JSONB,
    rows_total       BIGINT,
    rows_read        BIGINT      NOT NULL DEFAULT 0,
    created          BIGINT      NOT NULL DEFAULT 0,
    updated          BIGINT      NOT NULL DEFAULT 0,
    skipped          BIGINT      NOT NULL DEFAULT 0,
    failed           BIGINT      NOT NULL DEFAULT 0,
    warnings         BIGINT      NOT NULL DEFAULT 0,
    error            TEXT,
    cancel_requested BOOLEAN     NOT NULL DEFAULT false,
    attempts         INT         NOT NULL DEFAULT 0,
    requested_by     UUID,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ
);

CREATE INDEX imports_org_created_idx ON imports (org_id, created_at DESC, id);

CREATE TABLE import_errors (
    import_id   UUID   NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    org_id      UUID   NOT NULL,
    row_number  BIGINT NOT NULL,
    column_name TEXT,
    value       TEXT,
    message     TEXT   NOT NULL,
    severity    TEXT   NOT NULL DEFAULT 'error' CHECK (severity IN ('error', 'warning'))
);

CREATE INDEX import_errors_import_row_idx ON import_errors (import_id, row_number);

-- entity_type: client, staff, class_type, class_schedule, visit, sale, membership, pricing_option
CREATE TABLE import_keys (
    org_id      UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    entity_type TEXT NOT NULL,
    external_id TEXT NOT NULL,
    entity_id   UUID NOT NULL,
    PRIMARY KEY (org_id, entity_type, external_id)
);

-- The id an imported visit had in the system it came from; a second import of it updates it.
ALTER TABLE bookings ADD COLUMN import_ref TEXT;
CREATE UNIQUE INDEX bookings_org_import_ref_key ON bookings (org_id, import_ref) WHERE import_ref IS NOT NULL;
