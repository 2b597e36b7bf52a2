-- Bench data for bookings: clients with a large class pack each, and sessions with room for all.
-- psql variables: org, type, location, plan, nclients, nsessions.
-- Session sets (bench_sessions.kind): 'few_api' and 'few_raw' (4 sessions each: contention on the
-- same rows, one set per side so neither runs out of seats), 'many' (nsessions: spread), and
-- 'capture' (2 sessions for the booking whose statements are captured).
CREATE TABLE bench_clients (n INT PRIMARY KEY, id UUID NOT NULL, membership UUID NOT NULL);
CREATE TABLE bench_sessions (kind TEXT, n INT, id UUID NOT NULL, PRIMARY KEY (kind, n));

INSERT INTO bench_clients (n, id, membership)
SELECT g, gen_random_uuid(), gen_random_uuid() FROM generate_series(1, :nclients) g;

INSERT INTO clients (id, org_id, first_name, last_name, status)
SELECT id, :'org', 'Bench', 'Client ' || n, 'active' FROM bench_clients;

INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on)
SELECT membership, :'org', id, :'plan', 'active', current_date - 1, current_date + 365 FROM bench_clients;

INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason)
SELECT gen_random_uuid(), :'org', id, membership, 100000, 'grant' FROM bench_clients;

INSERT INTO bench_sessions (kind, n, id)
SELECT 'few_api', g, gen_random_uuid() FROM generate_series(1, 4) g
UNION ALL
SELECT 'few_raw', g, gen_random_uuid() FROM generate_series(1, 4) g
UNION ALL
SELECT 'capture', g, gen_random_uuid() FROM generate_series(1, 2) g
UNION ALL
SELECT 'many', g, gen_random_uuid() FROM generate_series(1, :nsessions) g;

-- all start tomorrow; 10,000 is the largest capacity a session may have
INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity)
SELECT id, :'org', :'type', :'location', now() + interval '1 day' + n * interval '1 minute',
       now() + interval '1 day' + n * interval '1 minute' + interval '1 hour', current_date + 1, 10000
FROM bench_sessions;

VACUUM ANALYZE;
