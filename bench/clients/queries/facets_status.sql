-- GET /api/v1/clients/facets?status=active
BEGIN READ ONLY;
SELECT count(*) FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.status IN ('active');
SELECT c.status AS value, count(*) AS n FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT coalesce(c.source, '(none)') AS value, count(*) AS n FROM clients c WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.status IN ('active') GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT t.tag AS value, count(*) AS n FROM clients c JOIN client_tags t ON t.org_id = c.org_id AND t.client_id = c.id WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.status IN ('active') GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100;
SELECT p.id::text AS value, count(DISTINCT c.id) AS n, p.name AS label FROM clients c JOIN client_memberships m ON m.org_id = c.org_id AND m.client_id = c.id AND m.status IN ('active', 'frozen', 'pending') JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id WHERE c.org_id = '@ORG@' AND c.merged_into_id IS NULL AND c.erased_at IS NULL AND c.status IN ('active') GROUP BY p.id, p.name ORDER BY 2 DESC, 3 LIMIT 100;
COMMIT;
