-- GET /api/v1/clients?status=active&tag=vip&page_size=20
BEGIN READ ONLY;
SELECT c.* FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.status IN ('active') AND c.tags && ARRAY['vip']::text[] ORDER BY immutable_unaccent(lower(c.last_name)) ASC, immutable_unaccent(lower(c.first_name)) ASC, c.id LIMIT 21 OFFSET 0;
SELECT count(*) FROM (SELECT 1 FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.status IN ('active') AND c.tags && ARRAY['vip']::text[] LIMIT 10001) matching;
COMMIT;
