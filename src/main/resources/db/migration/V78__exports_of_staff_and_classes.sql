-- Staff and classes exports run as jobs too (async=true, or over the row limit): the type check named
-- only the first five types, so such a job failed with 409 when its row was written.
ALTER TABLE exports DROP CONSTRAINT exports_type_check;
ALTER TABLE exports ADD CONSTRAINT exports_type_check
    CHECK (type IN ('clients', 'visits', 'sales', 'memberships', 'bookings', 'staff', 'classes'));
