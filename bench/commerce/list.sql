-- The product list the endpoint runs for ?isActive=true&tag=vegan&page=<random of the first 20> (title order):
-- the page (one row more, to know a next page) and the total counted up to 1,001, as ProductQueries builds them.
-- pgbench -M prepared; variable: org.
\set page random(0, 19)
BEGIN READ ONLY;
SELECT * FROM products p WHERE p.org_id = :org AND p.deleted_at IS NULL AND p.active = true AND p.tags @> ARRAY[CAST('vegan' AS text)] ORDER BY lower(p.title) ASC, p.id LIMIT 21 OFFSET :page * 20;
SELECT count(*) FROM (SELECT 1 FROM products p WHERE p.org_id = :org AND p.deleted_at IS NULL AND p.active = true AND p.tags @> ARRAY[CAST('vegan' AS text)] LIMIT 1001) matching;
COMMIT;
