-- GET /api/v1/clients?q=anna
BEGIN READ ONLY;
SELECT c.* FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.search_text LIKE '%' || immutable_unaccent(lower('anna')) || '%' ORDER BY immutable_unaccent(lower(c.last_name)) ASC, immutable_unaccent(lower(c.first_name)) ASC, c.id LIMIT 21 OFFSET 0;
SELECT count(*) FROM (SELECT 1 FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.search_text LIKE '%' || immutable_unaccent(lower('anna')) || '%' LIMIT 10001) matching;
COMMIT;
