-- Columns the insights module needs from scheduling's published views (appended, so every reader of the
-- earlier columns is unchanged): when a booking was confirmed, cancelled and checked in, and the membership
-- it used; an appointment's id, client and service.
CREATE OR REPLACE VIEW report_bookings AS
SELECT org_id, id, session_id, client_id, status, import_ref, created_at,
       confirmed_at, cancelled_at, checked_in_at, membership_id
FROM bookings;

CREATE OR REPLACE VIEW report_appointments AS
SELECT org_id, staff_id, location_id, starts_at, ends_at, status,
       id, client_id, service_id, created_at
FROM appointments;

COMMENT ON VIEW report_bookings IS 'Published by scheduling for reports, exports and insights; read-only.';
COMMENT ON VIEW report_appointments IS 'Published by scheduling for reports, exports and insights; read-only.';

-- Insights count held classes by their local date.
CREATE INDEX class_sessions_org_local_date_idx ON class_sessions (org_id, local_date);
