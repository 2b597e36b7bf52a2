-- A 5,000-client studio with known leavers for the churn model's training time: each client has their own
-- gap between visits (2-10 days) from a start day in the first half of a 430-day history; 40 % stop on a day
-- of their own, visiting half as often in the five weeks before; one class a day holds everyone who comes.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
BEGIN;
INSERT INTO locations (id, org_id, name, timezone) VALUES (gen_random_uuid(), :'org', 'Hall', 'Europe/Berlin');
INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity) VALUES (gen_random_uuid(), :'org', 'Flow', 60, 5000);
INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity)
SELECT gen_random_uuid(), :'org', (SELECT id FROM class_types WHERE org_id = :'org'), (SELECT id FROM locations WHERE org_id = :'org'),
       (current_date - 430 + d) + time '18:00', (current_date - 430 + d) + time '19:00', current_date - 430 + d, 5000
FROM generate_series(0, 490) d;
CREATE TEMP TABLE gen AS
SELECT gen_random_uuid() AS id, n, 2 + n % 9 AS gap, (n * 37) % 200 AS start,
       CASE WHEN n % 5 < 2 THEN 60 + (n * 53) % 420 END AS leaves
FROM generate_series(1, 5000) n;
INSERT INTO clients (id, org_id, first_name, last_name, created_at)
SELECT id, :'org', 'Gen', 'Client ' || n, now() - interval '430 days' FROM gen;
INSERT INTO bookings (id, org_id, session_id, client_id, status, created_at, confirmed_at)
SELECT gen_random_uuid(), :'org', cs.id, g.id, CASE WHEN (g.n + d) % 23 = 0 THEN 'late_cancelled' ELSE 'attended' END,
       cs.starts_at - interval '2 days', cs.starts_at - interval '2 days'
FROM gen g
CROSS JOIN LATERAL generate_series(g.start, least(coalesce(g.start + g.leaves, 430), 430), g.gap) AS d
JOIN class_sessions cs ON cs.org_id = :'org' AND cs.local_date = current_date - 430 + d
WHERE g.leaves IS NULL OR d < g.start + g.leaves - 35 OR (d / g.gap) % 2 = 0;
INSERT INTO membership_plans (id, org_id, name, kind, price_amount, currency, period_unit, period_count)
VALUES (gen_random_uuid(), :'org', 'Monthly', 'unlimited', 9900, 'EUR', 'month', 1);
COMMIT;
SET session_replication_role = origin;
ANALYZE;
