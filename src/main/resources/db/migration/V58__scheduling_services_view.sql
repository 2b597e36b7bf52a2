-- Published by scheduling for care: a treatment milestone suggests an appointment with one of these services.
CREATE VIEW report_services AS
SELECT org_id, id, name, duration_minutes, archived_at
FROM services;

COMMENT ON VIEW report_services IS 'Published by scheduling; read-only.';
