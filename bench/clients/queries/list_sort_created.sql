-- GET /api/v1/clients?sort=-createdAt
BEGIN READ ONLY;
SELECT c.* FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL ORDER BY c.created_at DESC, c.id LIMIT 21 OFFSET 0;
SELECT count(*) FROM (SELECT 1 FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL LIMIT 10001) matching;
COMMIT;
