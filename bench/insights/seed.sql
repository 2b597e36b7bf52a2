-- Ten million visits in one organization (days = 1825): five years of a busy studio group (4 locations, 12 class types,
-- 20 instructors, 110 classes a day, 50 bookings a class: 85 % attended, 5 % no-shows, 5 % late cancels,
-- 3 % cancelled, 2 % still on a waitlist), 50,000 clients, and sales. To take minutes rather than an hour on
-- two cores: foreign keys are not checked while the rows go in (session_replication_role), class and booking
-- ids are sequential (so their indexes are appended to, not written at random), and the one index in client
-- order is dropped for the insert and built again after it.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET maintenance_work_mem = '512MB';
BEGIN;
DROP INDEX bookings_org_client_idx;
INSERT INTO locations (id, org_id, name, timezone)
SELECT gen_random_uuid(), :'org', 'Studio ' || n, 'Europe/Berlin' FROM generate_series(1, 4) n;
INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity)
SELECT gen_random_uuid(), :'org', 'Class ' || n, 60, 60 FROM generate_series(1, 12) n;
INSERT INTO users (id, email, email_normalized, first_name, last_name)
SELECT gen_random_uuid(), 'coach' || n || '@bench.test', 'coach' || n || '@bench.test', 'Coach', 'Number ' || n
FROM generate_series(1, 20) n;
INSERT INTO org_members (org_id, user_id, role) SELECT :'org', id, 'staff' FROM users WHERE email LIKE 'coach%@bench.test';
INSERT INTO clients (id, org_id, first_name, last_name, email, status, created_at)
SELECT gen_random_uuid(), :'org', 'First' || n, 'Last' || n, 'c' || n || '@bench.test', 'active',
       now() - make_interval(days => n % 1800)
FROM generate_series(1, 50000) n;
CREATE TEMP TABLE bench_ids AS
SELECT (SELECT array_agg(id ORDER BY name) FROM locations WHERE org_id = :'org') AS locations,
       (SELECT array_agg(id ORDER BY name) FROM class_types WHERE org_id = :'org') AS types,
       (SELECT array_agg(id ORDER BY email) FROM users WHERE email LIKE 'coach%@bench.test') AS coaches,
       (SELECT array_agg(id ORDER BY created_at, id) FROM clients WHERE org_id = :'org') AS clients;
-- clients by number, joined (an element of a 50,000-element array would be read whole for every row)
CREATE TEMP TABLE bench_clients AS
SELECT row_number() OVER (ORDER BY created_at, id) - 1 AS n, id FROM clients WHERE org_id = :'org';
CREATE UNIQUE INDEX ON bench_clients (n);
ANALYZE bench_clients;
CREATE TEMP TABLE bench_sessions AS
SELECT ('5e55' || lpad(to_hex(d * 110 + h), 28, '0'))::uuid AS id, (d * 110 + h)::bigint AS n, d, h
FROM generate_series(0, :days - 1) d, generate_series(0, 109) h;
INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity, instructor_id)
SELECT s.id, :'org', b.types[(s.d + s.h) % 12 + 1], b.locations[s.h % 4 + 1],
       ((current_date - :days + s.d) + make_time(6 + s.h / 8, (s.h % 8) * 5, 0)) AT TIME ZONE 'Europe/Berlin',
       ((current_date - :days + s.d) + make_time(7 + s.h / 8, (s.h % 8) * 5, 0)) AT TIME ZONE 'Europe/Berlin',
       current_date - :days + s.d, 60, b.coaches[(s.d + s.h) % 20 + 1]
FROM bench_ids b, bench_sessions s;
INSERT INTO bookings (id, org_id, session_id, client_id, status, created_at, confirmed_at, checked_in_at)
SELECT ('b00c' || lpad(to_hex(s.n * 50 + k), 28, '0'))::uuid, :'org', s.id, c.id,
       CASE WHEN k < 42 OR k = 49 THEN 'attended' WHEN k < 44 THEN 'no_show' WHEN k < 46 THEN 'late_cancelled'
            WHEN k < 47 THEN 'cancelled' ELSE 'waitlisted' END,
       ((current_date - :days + s.d) + time '06:00') AT TIME ZONE 'Europe/Berlin' - interval '2 days',
       ((current_date - :days + s.d) + time '06:00') AT TIME ZONE 'Europe/Berlin' - interval '2 days', NULL
FROM bench_sessions s
CROSS JOIN generate_series(0, 49) k
JOIN bench_clients c ON c.n = ((s.n * 50 + k) * 7919) % 50000
ORDER BY s.n, k;
CREATE INDEX bookings_org_client_idx ON bookings (org_id, client_id, created_at DESC);
INSERT INTO sales (id, org_id, client_id, currency, subtotal, total, payment_method, sold_at)
SELECT gen_random_uuid(), :'org', c.id, 'EUR', 2000 + g % 9000, 2000 + g % 9000, 'card_terminal',
       now() - make_interval(days => g % :days)
FROM generate_series(1, 200000) g JOIN bench_clients c ON c.n = g % 50000;
INSERT INTO sale_items (id, org_id, sale_id, description, quantity, unit_amount, total)
SELECT gen_random_uuid(), :'org', id, 'Pack', 1, total, total FROM sales WHERE org_id = :'org';
COMMIT;
SET session_replication_role = origin;
ANALYZE;
