-- Bench data for commerce: :nproducts products in one organization (50 categories, tags from a small set, a
-- twentieth inactive), a hot product with stock for every order the run can place, 1,000 clients; and another
-- organization with 5,000 products, so that the lists must filter by organization.
-- psql variables: org, other, location, nproducts.
CREATE TABLE bench_clients (n INT PRIMARY KEY, id UUID NOT NULL);
INSERT INTO bench_clients SELECT g, gen_random_uuid() FROM generate_series(1, 1000) g;
INSERT INTO clients (id, org_id, first_name, last_name, status)
SELECT id, :'org', 'Bench', 'Buyer ' || n, 'active' FROM bench_clients;

INSERT INTO product_categories (id, org_id, name)
SELECT gen_random_uuid(), :'org', 'Category ' || g FROM generate_series(1, 50) g;

INSERT INTO products (id, org_id, sku, title, description, price_amount, currency, tax_rate_bp, category_id, tags,
                      attributes, active)
SELECT gen_random_uuid(), :'org', 'SKU-' || g,
       (ARRAY['Serum', 'Cleanser', 'Toner', 'Mask', 'Mat', 'Bottle', 'Block', 'Strap', 'Balm', 'Oil'])[1 + g % 10]
           || ' ' || md5(g::text)::varchar(8),
       'Bench product ' || g, 500 + (g * 37) % 9500, 'EUR', 1900,
       (SELECT id FROM product_categories WHERE org_id = :'org' ORDER BY name OFFSET (g % 50) LIMIT 1),
       ARRAY[(ARRAY['vegan', 'bestseller', 'new', 'sale', 'travel', 'refill'])[1 + g % 6]],
       jsonb_build_object('skinTypes', jsonb_build_array((ARRAY['dry', 'oily', 'normal'])[1 + g % 3])),
       g % 20 <> 0
FROM generate_series(1, :nproducts) g;

INSERT INTO products (id, org_id, sku, title, price_amount, currency)
SELECT gen_random_uuid(), :'other', 'SKU-' || g, 'Other product ' || g, 1000, 'EUR' FROM generate_series(1, 5000) g;

INSERT INTO products (id, org_id, sku, title, price_amount, currency, tax_rate_bp)
VALUES (gen_random_uuid(), :'org', 'HOT-API', 'Hot product (API)', 1000, 'EUR', 1900),
       (gen_random_uuid(), :'org', 'HOT-RAW', 'Hot product (raw)', 1000, 'EUR', 1900);
INSERT INTO stock_levels (org_id, product_id, location_id, on_hand)
SELECT :'org', id, :'location', 1000000000 FROM products WHERE org_id = :'org' AND sku LIKE 'HOT-%';

ANALYZE products;
ANALYZE product_categories;
ANALYZE stock_levels;
ANALYZE clients;
