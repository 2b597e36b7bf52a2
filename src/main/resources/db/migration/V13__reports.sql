-- Reports run as jobs; the finished file is kept by the files module.
CREATE TABLE reports (
    id           UUID        PRIMARY KEY,
    org_id       UUID        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    report_type  TEXT        NOT NULL CHECK (report_type IN ('attendance_summary', 'revenue_summary',
                                                             'membership_retention', 'client_roster',
                                                             'instructor_utilization')),
    format       TEXT        NOT NULL CHECK (format IN ('pdf', 'csv', 'json')),
    filters      JSONB       NOT NULL DEFAULT '{}',
    status       TEXT        NOT NULL DEFAULT 'processing' CHECK (status IN ('processing', 'completed', 'failed')),
    file_id      UUID,
    error        TEXT,
    duration_ms  BIGINT,
    requested_by UUID,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at TIMESTAMPTZ
);

CREATE INDEX reports_org_created_idx ON reports (org_id, created_at DESC, id);
