-- Read-only view the clients module publishes for reports and exports: a plain projection of
-- clients (PostgreSQL inlines it, so the clients indexes serve the readers as before), without
-- notes, custom fields, emergency contacts or consent. merged_into_id and erased_at let a reader
-- leave out merged and erased clients as the module's own lists do.
CREATE VIEW report_clients AS
SELECT org_id, id, external_ids, first_name, last_name, email, mobile_phone, phone, birth_date, gender, line1,
       city, region, postal_code, country, status, source, created_at, merged_into_id, erased_at
FROM clients;

COMMENT ON VIEW report_clients IS 'Published by clients for reports and exports; read-only.';
