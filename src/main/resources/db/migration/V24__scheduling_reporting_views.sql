-- Read-only views the scheduling module publishes for reports and exports: plain projections of
-- its tables (PostgreSQL inlines them, so the readers' plans are those of the tables), with only the
-- columns those readers use. Other modules read these, never the tables.
CREATE VIEW report_class_types AS
SELECT org_id, id, name, description, category
FROM class_types;

CREATE VIEW report_class_schedules AS
SELECT org_id, id, class_type_id, location_id, weekdays, start_time, duration_minutes, capacity, instructor_ids,
       first_date, last_date, archived_at
FROM class_schedules;

CREATE VIEW report_class_sessions AS
SELECT org_id, id, class_type_id, location_id, starts_at, ends_at, local_date, capacity, status, instructor_id,
       substitute_instructor_id
FROM class_sessions;

CREATE VIEW report_bookings AS
SELECT org_id, id, session_id, client_id, status, import_ref, created_at
FROM bookings;

CREATE VIEW report_appointments AS
SELECT org_id, staff_id, location_id, starts_at, ends_at, status
FROM appointments;

COMMENT ON VIEW report_class_types IS 'Published by scheduling for reports and exports; read-only.';
COMMENT ON VIEW report_class_schedules IS 'Published by scheduling for reports and exports; read-only.';
COMMENT ON VIEW report_class_sessions IS 'Published by scheduling for reports and exports; read-only.';
COMMENT ON VIEW report_bookings IS 'Published by scheduling for reports and exports; read-only.';
COMMENT ON VIEW report_appointments IS 'Published by scheduling for reports and exports; read-only.';
