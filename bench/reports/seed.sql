-- A year of a 2,000-client studio: 2 locations, 6 class types, 4 instructors, 8 classes a day,
-- about 15 bookings a class (attended, late cancels, no-shows), 12,000 sales, 3,000 memberships.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO locations (id, org_id, name, timezone)
SELECT gen_random_uuid(), :'org', 'Studio ' || n, 'Europe/Berlin' FROM generate_series(1, 2) n;
INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity)
SELECT gen_random_uuid(), :'org', (ARRAY['Vinyasa', 'Yin', 'Pilates', 'Barre', 'HIIT', 'Meditation'])[n], 60, 20
FROM generate_series(1, 6) n;
INSERT INTO users (id, email, email_normalized, first_name, last_name)
SELECT gen_random_uuid(), 'teacher' || n || '@bench.test', 'teacher' || n || '@bench.test', 'Teacher', 'Number ' || n
FROM generate_series(1, 4) n;
INSERT INTO org_members (org_id, user_id, role) SELECT :'org', id, 'staff' FROM users WHERE email LIKE 'teacher%@bench.test';
INSERT INTO clients (id, org_id, first_name, last_name, email, status, created_at)
SELECT gen_random_uuid(), :'org', 'First' || n, 'Last' || n, 'client' || n || '@bench.test',
       (ARRAY['active', 'active', 'active', 'inactive', 'lead'])[n % 5 + 1], now() - make_interval(days => n % 700)
FROM generate_series(1, 2000) n;
CREATE TEMP TABLE bench_ids AS
SELECT (SELECT array_agg(id ORDER BY name) FROM locations WHERE org_id = :'org') AS locations,
       (SELECT array_agg(id ORDER BY name) FROM class_types WHERE org_id = :'org') AS types,
       (SELECT array_agg(id ORDER BY email) FROM users WHERE email LIKE 'teacher%@bench.test') AS teachers,
       (SELECT array_agg(id ORDER BY created_at, id) FROM clients WHERE org_id = :'org') AS clients;
INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity, instructor_id)
SELECT gen_random_uuid(), :'org', b.types[(d * 8 + h) % 6 + 1], b.locations[h % 2 + 1],
       ((current_date - 365 + d) + make_time(7 + h, 0, 0)) AT TIME ZONE 'Europe/Berlin',
       ((current_date - 365 + d) + make_time(8 + h, 0, 0)) AT TIME ZONE 'Europe/Berlin',
       current_date - 365 + d, 20, b.teachers[(d + h) % 4 + 1]
FROM bench_ids b, generate_series(0, 364) d, generate_series(0, 7) h;
INSERT INTO bookings (id, org_id, session_id, client_id, status, created_at, checked_in_at)
SELECT gen_random_uuid(), :'org', s.id, b.clients[(abs(hashtext(s.id::text)) + k * 131) % 2000 + 1],
       CASE WHEN k % 17 = 3 THEN 'late_cancelled' WHEN k % 23 = 5 THEN 'no_show' ELSE 'attended' END,
       s.starts_at - interval '2 days', s.starts_at
FROM bench_ids b, class_sessions s, generate_series(0, 5 + abs(hashtext(s.id::text)) % 14) k
WHERE s.org_id = :'org';
UPDATE class_sessions s SET confirmed_count = c.n
FROM (SELECT session_id, count(*) FILTER (WHERE status IN ('attended', 'no_show')) AS n FROM bookings
      WHERE org_id = :'org' GROUP BY session_id) c
WHERE s.id = c.session_id;
INSERT INTO membership_plans (id, org_id, name, kind, price_amount, currency, credits, period_unit, period_count)
VALUES (gen_random_uuid(), :'org', 'Unlimited', 'unlimited', 12900, 'EUR', NULL, 'month', 1),
       (gen_random_uuid(), :'org', '10 classes', 'class_pack', 15000, 'EUR', 10, 'month', 3);
INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on)
SELECT gen_random_uuid(), :'org', b.clients[n % 2000 + 1],
       (SELECT id FROM membership_plans WHERE org_id = :'org' ORDER BY name LIMIT 1 OFFSET n % 2),
       CASE WHEN current_date - 400 + n / 8 + 90 < current_date THEN 'expired' ELSE 'active' END,
       current_date - 400 + n / 8, current_date - 400 + n / 8 + 90
FROM bench_ids b, generate_series(0, 2999) n;
INSERT INTO sales (id, org_id, client_id, sold_at, currency, subtotal, total, payment_method)
SELECT gen_random_uuid(), :'org', b.clients[n % 2000 + 1], now() - make_interval(hours => n * 7 % 8760), 'EUR',
       1500 + n % 20 * 500, 1500 + n % 20 * 500, (ARRAY['cash', 'card_terminal', 'bank_transfer'])[n % 3 + 1]
FROM bench_ids b, generate_series(1, 12000) n;
INSERT INTO sale_items (id, org_id, sale_id, description, quantity, unit_amount, total)
SELECT gen_random_uuid(), :'org', id, (ARRAY['Drop-in', '10 classes', 'Unlimited', 'Mat rental'])[abs(hashtext(id::text)) % 4 + 1],
       1, total, total
FROM sales WHERE org_id = :'org';
COMMIT;
ANALYZE;
