-- The product list for ?q=serum 1 (the trigram index on title and sku) as the endpoint runs it: in a read-only
-- transaction planned for its pattern, page 1 and its total up to 1,001. pgbench -M prepared; variable: org.
BEGIN READ ONLY;
SET LOCAL plan_cache_mode = force_custom_plan;
SELECT * FROM products p WHERE p.org_id = :org AND p.deleted_at IS NULL AND lower(p.title || ' ' || p.sku) LIKE '%serum 1%' ESCAPE '\' ORDER BY lower(p.title) ASC, p.id LIMIT 21 OFFSET 0;
SELECT count(*) FROM (SELECT 1 FROM products p WHERE p.org_id = :org AND p.deleted_at IS NULL AND lower(p.title || ' ' || p.sku) LIKE '%serum 1%' ESCAPE '\' LIMIT 1001) matching;
COMMIT;
