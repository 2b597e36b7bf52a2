-- GET /api/v1/clients?status=active&tag=vip&page_size=20
BEGIN READ ONLY;
SELECT c.* FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.status IN ('active') AND EXISTS (SELECT 1 FROM client_tags t WHERE t.org_id = c.org_id AND t.client_id = c.id AND t.tag IN ('vip')) ORDER BY immutable_unaccent(lower(c.last_name)) ASC, immutable_unaccent(lower(c.first_name)) ASC, c.id LIMIT 21 OFFSET 0;
SELECT count(*) FROM (SELECT 1 FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.status IN ('active') AND EXISTS (SELECT 1 FROM client_tags t WHERE t.org_id = c.org_id AND t.client_id = c.id AND t.tag IN ('vip')) LIMIT 10001) matching;
SELECT client_id, tag FROM client_tags WHERE org_id = '@ORG@' AND client_id IN (@IDS@) ORDER BY tag;
COMMIT;
