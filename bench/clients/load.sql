-- Loads 100,000 clients (psql variable :nclients, default 100000) for one organization (psql variable :org), with tags for a share of them,
-- three membership plans and memberships for about 40 % of the clients, then ANALYZE.
-- Deterministic: the same rows on every run (no random()), so runs are comparable.
\set ON_ERROR_STOP on
\if :{?nclients}
\else
\set nclients 100000
\endif
BEGIN;

CREATE TEMP TABLE bench_names (kind text, i int, name text) ON COMMIT DROP;
INSERT INTO bench_names
SELECT 'first', ord::int - 1, name FROM unnest(ARRAY[
    'Anna', 'Annika', 'Hannah', 'Joanna', 'Marie', 'Lucas', 'Noah', 'Emma', 'Léa', 'Chloé',
    'Zoë', 'Sofia', 'Mia', 'Ben', 'Paul', 'Jonas', 'Elias', 'Felix', 'Maximilian', 'Lena',
    'Clara', 'Ida', 'Oskar', 'Henri', 'Jules', 'Björn', 'Søren', 'Inès', 'Raphaël', 'Théo',
    'Olivia', 'Liam', 'Amelia', 'Oliver', 'Isla', 'Jack', 'Ava', 'Harry', 'Grace', 'George'])
    WITH ORDINALITY AS t(name, ord);
INSERT INTO bench_names
SELECT 'last', ord::int - 1, name FROM unnest(ARRAY[
    'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
    'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
    'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
    'García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ångström', 'Nowak', 'Kowalski',
    'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
    'Jansen', 'de Vries', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos'])
    WITH ORDINALITY AS t(name, ord);

INSERT INTO clients (id, org_id, first_name, last_name, email, phone, mobile_phone, birth_date, gender,
                     city, country, status, source, marketing_consent, created_at, updated_at)
SELECT gen_random_uuid(), :'org', f.name, l.name,
       lower(immutable_unaccent(f.name)) || '.' || lower(replace(immutable_unaccent(l.name), ' ', '')) || g || '@example.org',
       NULL,
       '+4917' || lpad((g * 7919 % 100000000)::text, 8, '0'),
       DATE '1950-01-01' + (g * 37 % 20000),
       CASE g % 3 WHEN 0 THEN 'female' WHEN 1 THEN 'male' ELSE NULL END,
       (ARRAY['Berlin', 'Hamburg', 'München', 'Köln', 'Paris', 'Lyon', 'London', 'Madrid'])[1 + g % 8],
       'DE',
       CASE WHEN g % 100 < 60 THEN 'active' WHEN g % 100 < 70 THEN 'lead' WHEN g % 100 < 85 THEN 'inactive'
            WHEN g % 100 < 90 THEN 'suspended' ELSE 'churned' END,
       CASE g % 7 WHEN 0 THEN NULL WHEN 1 THEN 'walk_in' WHEN 2 THEN 'referral' WHEN 3 THEN 'instagram'
                  WHEN 4 THEN 'google' WHEN 5 THEN 'website' ELSE 'flyer' END,
       g % 2 = 0,
       timestamptz '2023-01-01 08:00:00+00' + (g * interval '15 minutes') + ((g * 13 % 60) * interval '1 second'),
       timestamptz '2023-01-01 08:00:00+00' + (g * interval '15 minutes')
FROM generate_series(1, :nclients) AS g
JOIN bench_names f ON f.kind = 'first' AND f.i = (g * 7) % 40
JOIN bench_names l ON l.kind = 'last' AND l.i = (g * 11 + g / 40) % 60;

-- Tags: vip ~5 %, newsletter ~30 %, morning ~20 %, evening ~15 %, beginner ~10 %, injury ~2 %.
INSERT INTO client_tags (org_id, client_id, tag)
SELECT c.org_id, c.id, t.tag
FROM (SELECT id, org_id, row_number() OVER (ORDER BY created_at) AS g FROM clients WHERE org_id = :'org') c
CROSS JOIN LATERAL (VALUES
    ('vip', c.g % 20 = 3),
    ('newsletter', c.g % 10 < 3),
    ('morning', c.g % 5 = 1),
    ('evening', c.g % 20 IN (5, 6, 7)),
    ('beginner', c.g % 10 = 9),
    ('injury', c.g % 50 = 17)) AS t(tag, yes)
WHERE t.yes;

INSERT INTO membership_plans (id, org_id, name, kind, price_amount, currency, credits, period_unit, period_count, auto_renew)
VALUES ('00000000-0000-0000-0000-00000000b001', :'org', 'Unlimited monthly', 'unlimited', 8900, 'EUR', NULL, 'month', 1, true),
       ('00000000-0000-0000-0000-00000000b002', :'org', '10-class pack', 'class_pack', 15000, 'EUR', 10, 'month', 3, false),
       ('00000000-0000-0000-0000-00000000b003', :'org', 'Intro week', 'intro_offer', 1900, 'EUR', NULL, 'week', 1, false);

-- ~40 % of clients hold one membership: 60 % active, 25 % expired, 5 % frozen, 5 % pending, 5 % cancelled.
INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on, auto_renew)
SELECT gen_random_uuid(), c.org_id, c.id,
       ('00000000-0000-0000-0000-00000000b00' || (1 + c.g / 5 % 3)::text)::uuid,
       CASE WHEN c.g / 5 % 20 < 12 THEN 'active' WHEN c.g / 5 % 20 < 17 THEN 'expired' WHEN c.g / 5 % 20 = 17 THEN 'frozen'
            WHEN c.g / 5 % 20 = 18 THEN 'pending' ELSE 'cancelled' END,
       DATE '2025-01-01' + (c.g % 300)::int, DATE '2025-01-01' + (c.g % 300)::int + 180, c.g % 3 = 0
FROM (SELECT id, org_id, row_number() OVER (ORDER BY id) AS g FROM clients WHERE org_id = :'org') c
WHERE c.g % 5 < 2;

COMMIT;
-- VACUUM as autovacuum would after a bulk load: sets hint bits and the visibility map, which
-- index-only scans need; ANALYZE for the planner.
VACUUM ANALYZE clients;
VACUUM ANALYZE client_tags;
VACUUM ANALYZE membership_plans;
VACUUM ANALYZE client_memberships;
SELECT (SELECT count(*) FROM clients WHERE org_id = :'org') AS clients,
       (SELECT count(*) FROM client_tags WHERE org_id = :'org') AS tags,
       (SELECT count(*) FROM client_memberships WHERE org_id = :'org') AS memberships;
