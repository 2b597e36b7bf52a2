-- The booking transaction the application runs, as raw SQL (pgbench variables: org, kind, nsessions, nclients).
\set n random(1, :nclients)
\set s random(1, :nsessions)
SELECT c.id AS cid, c.membership AS mid, s.id AS sid FROM bench_clients c, bench_sessions s
WHERE c.n = :n AND s.kind = ':kind' AND s.n = :s \gset
BEGIN;
SELECT id, first_name, last_name, email, status FROM clients WHERE org_id = ':org' AND id = ':cid' AND merged_into_id IS NULL AND erased_at IS NULL;
SELECT id, class_type_id, location_id, starts_at, status, capacity, confirmed_count FROM class_sessions WHERE org_id = ':org' AND id = ':sid';
SELECT late_cancel_hours FROM scheduling_settings WHERE org_id = ':org';
WITH ins AS (INSERT INTO bookings (id, org_id, session_id, client_id, status, booked_by) VALUES (gen_random_uuid(), ':org', ':sid', ':cid', 'confirmed', NULL) ON CONFLICT DO NOTHING RETURNING session_id) UPDATE class_sessions SET confirmed_count = confirmed_count + 1 WHERE org_id = ':org' AND id IN (SELECT session_id FROM ins) AND status = 'scheduled' AND confirmed_count < capacity;
SELECT m.id, p.kind, p.credits, p.weekly_booking_limit, m.ends_on FROM client_memberships m JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id WHERE m.org_id = ':org' AND m.client_id = ':cid' AND m.status IN ('active', 'pending', 'frozen') AND current_date + 1 BETWEEN m.starts_on AND m.ends_on ORDER BY (p.credits IS NOT NULL), m.ends_on, m.id;
SELECT id FROM client_memberships WHERE org_id = ':org' AND id = ':mid' FOR UPDATE;
SELECT coalesce(sum(delta), 0) FROM credit_ledger WHERE org_id = ':org' AND membership_id = ':mid';
INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, used_for) VALUES (gen_random_uuid(), ':org', ':cid', ':mid', -1, 'use', now() + interval '1 day');
INSERT INTO audit_log (id, org_id, action, entity_type, entity_id, changes) VALUES (gen_random_uuid(), ':org', 'booking.confirmed', 'booking', ':sid', '{}');
COMMIT;
