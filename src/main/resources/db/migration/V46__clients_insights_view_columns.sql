-- The client's tags (the sorted array kept on the row) for insights' tag dimension and filter; appended,
-- so every reader of the earlier columns is unchanged.
CREATE OR REPLACE VIEW report_clients AS
SELECT org_id, id, external_ids, first_name, last_name, email, mobile_phone, phone, birth_date, gender, line1,
       city, region, postal_code, country, status, source, created_at, merged_into_id, erased_at,
       tags
FROM clients;

COMMENT ON VIEW report_clients IS 'Published by clients for reports, exports and insights; read-only.';
